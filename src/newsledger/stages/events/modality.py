"""Modality of a trigger (negated, hypothetical, announced) and the CAMEO code of an announced
or refused act."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["MODALS", "Modality", "intent_code", "modality", "obliged_code"]

MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can", "must", "'ll", "wo", "ca"}
INTENT_HEADS = {
    "plan", "intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "offer", "agree",
    "decide", "prepare", "expect", "threaten", "try", "attempt", "propose", "wish", "need", "consider",
    "mull", "about", "ready", "willing", "likely", "set", "going", "urge", "call", "ask", "demand",
    "warn", "refuse", "decline", "fail", "reject", "prepared", "determined", "determine", "eager", "keen",
    "schedule", "due", "poised", "slate", "order", "invite", "encourage", "press",
}  # fmt: skip
#: heads that say the act did not happen: refused (a refusal code), failed (the act, negated)
REFUSING_HEADS = {"refuse", "decline", "reject", "deny"}
FAILING_HEADS = {"fail", "stop", "cease", "halt", "quit", "abandon", "suspend", "discontinue"}
#: an obligation the speaker lays on the subject: "X must release", "X has to", "X should stop"
DEMAND_AUX = {"must"}
APPEAL_AUX = {"should", "ought"}
OBLIGING_HEADS = {"have", "need"}  # "has to release", "needs to withdraw"

INTENT_MODALS = {"will", "would", "shall", "'ll", "wo"}
INTENT_VERBS = {
    "plan", "intend", "prepare", "prepared", "ready", "willing", "vow", "pledge", "promise", "offer",
    "threaten", "decide", "going", "aim", "swear", "expect", "set", "determined", "determine",
    "schedule", "due", "poised", "slate",
}  # fmt: skip


@dataclass
class Modality:
    """How the text holds an act: did not happen, may happen, is announced, is demanded."""

    negated: bool = False
    hypothetical: bool = False
    intent: bool = False  # announced by its actor: "will / plans to meet"
    obligation: str | None = None  # "demand" ("must", "has to") or "appeal" ("should")

    def own(self, tok: Any) -> None:
        """What the trigger's own auxiliaries and markers say."""
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        self.negated = self.negated or any(c.dep_ == "neg" for c in tok.children)
        self.hypothetical = self.hypothetical or bool(aux & MODALS)
        self.intent = self.intent or bool(aux & INTENT_MODALS)
        self.hypothetical = self.hypothetical or any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in tok.children
        )
        self._oblige(aux)

    def _oblige(self, aux: set[str]) -> None:
        if self.obligation is None and aux & DEMAND_AUX:
            self.obligation = "demand"
        elif self.obligation is None and aux & APPEAL_AUX:
            self.obligation = "appeal"

    def governing(self, head: Any, dep: str) -> None:
        """What a governing verb says of the act in its complement ``dep``."""
        lemma = head.lemma_.lower()
        complement = dep in {"xcomp", "acomp"}
        if lemma in INTENT_HEADS or dep == "acomp":
            self.hypothetical = True
            self.intent = self.intent or lemma in INTENT_VERBS
        if lemma in REFUSING_HEADS:
            self.negated = self.intent = True  # "refused to release": a refusal
        if lemma in FAILING_HEADS and complement:
            self.negated = True  # "failed to reach", "ordered to stop shelling": the act, negated
        not_yet = any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
        if not_yet and complement:
            self.negated = True  # "has yet to revoke", "is yet to ratify"
        elif lemma in OBLIGING_HEADS and complement and self.obligation is None:
            self.obligation = "demand"
            self.hypothetical = True
        head_aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if any(c.dep_ == "neg" for c in head.children) and complement:
            self.negated = True
        if head_aux & MODALS and complement:
            self.hypothetical = True
            self.intent = self.intent or bool(head_aux & INTENT_MODALS)
            self._oblige(head_aux)


def modality(tok: Any) -> Modality:
    """How the text holds the act of ``tok``: "did not meet", "could attack", "will / plans to
    meet", "has yet to revoke", "must release"."""
    found = Modality()
    found.own(tok)
    head, cur, hops = tok.head, tok, 0
    while cur.dep_ in {"xcomp", "acomp", "ccomp", "advcl"} and head != cur and hops < 3:
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" for c in cur.children):
            break
        if cur.dep_ == "ccomp" and head.lemma_.lower() not in INTENT_HEADS:
            break  # "X said Y will ...": Y's own modality only
        found.governing(head, cur.dep_)
        cur, head, hops = head, head.head, hops + 1
    return found


# CAMEO's "express intent" codes: a cooperative act announced ("will give aid") is an intent to
# cooperate (03), a conflictual one ("would impose martial law") a threat (13); refusing a
# cooperative act ("will not allow inspectors") is a rejection (12).
INTENT_CODE = {
    "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351", "082": "0352",
    "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
    "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "0861": "0355", "0862": "0355",
    "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
    "073": "0333", "074": "0334", "045": "039", "046": "036",
    "160": "1313", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
    "163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136",
    "1663": "136", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "175": "137", "191": "1381", "192": "1382", "204": "1385", "2041": "1385", "2042": "1385",
}  # fmt: skip
INTENT_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "15": "138",
    "16": "131", "17": "130", "18": "1383", "19": "1384", "20": "1383",
}  # fmt: skip
REFUSAL_CODE = {
    "061": "1211", "062": "1212", "063": "1213", "064": "1214", "071": "1221", "072": "1222",
    "073": "1223", "074": "1224", "081": "1241", "082": "1242", "083": "123", "084": "1243",
    "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245", "0862": "1245",
    "0863": "1245", "087": "1246", "0871": "1246", "0872": "1246",
}  # fmt: skip
REFUSAL_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def intent_code(code: str, negated: bool) -> str:
    """The CAMEO code of an announced act: intent (03), threat (13) or refusal (12)."""
    root = code[:2]
    if negated:
        return REFUSAL_CODE.get(code) or REFUSAL_ROOT.get(root) or code
    return INTENT_CODE.get(code) or INTENT_ROOT.get(root) or code


def obliged_code(code: str, kind: str, negated: bool) -> str:
    """The CAMEO code of an act someone is told to do: a demand (10) for "must", an appeal (02)
    for "should".  CAMEO's appeal and demand codes mirror its intent codes (031 / 021 / 101
    material cooperation, 035 / 025 / 105 yield, ...); being told to stop an act asks for a
    change of policy, or for de-escalation when the act is violent."""
    prefix = "10" if kind == "demand" else "02"
    if negated:
        return prefix + ("56" if code[:2] >= "14" else "42")
    announced = intent_code(code, False)
    if announced.startswith("03") and announced[:3] != "039":
        return prefix + announced[2:]
    return prefix + "0"
