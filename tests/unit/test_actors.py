"""Actor resolution on sentences written for these tests (no shared data)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.knowledge.actors import ActorKB, key
from newsledger.models import AnalyzedArticle, Article, Sentence
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import kb_for, resolve_actors, resolve_phrase


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def run(
    nlp: Any, res: Resources, text: str, day: str = "2021-01-29", outlet: str | None = None
) -> AnalyzedArticle:
    item = AnalyzedArticle(Article("t1", "title", text, day, outlet=outlet))
    item.doc = nlp(text)
    item.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(item.doc.sents)]
    resolve_actors(item, res)
    return item


def ref_at(item: AnalyzedArticle, text: str, nth: int = 0) -> Any:
    found = list(re.finditer(rf"\b{re.escape(text)}\b", item.article.text))
    start = found[nth].start()
    return item.actor_ref_at(start, start + len(text))


def test_kb_countries_demonyms_capitals() -> None:
    kb = ActorKB.load()
    assert kb.lookup("Iran").actor_id == "country:IRN"  # type: ignore[union-attr]
    assert kb.lookup("Afghan").how == "demonym"  # type: ignore[union-attr]
    hit = kb.lookup("Kabul")
    assert hit is not None and hit.how == "capital" and hit.actor_id == "country:AFG"
    assert kb.lookup_exact("us") is None and kb.lookup_exact("US") is not None
    assert kb.agent("officials").code == "GOV"  # type: ignore[union-attr]
    assert kb.agent("spokesmen") is not None and kb.agent("spokesmen").plural  # type: ignore[union-attr]
    assert key("People’s Mojahedin") == key("Peoples  MOJAHEDIN")


def test_kb_roles_follow_the_date() -> None:
    kb = ActorKB.load()
    zarif = kb.actors["person:mohammad-javad-zarif"]
    assert zarif.ref_on("2020-05-01").cameo_code == "IRNGOV"
    assert zarif.ref_on("2022-05-01").cameo_code == "IRN"  # a former minister is not GOV


def test_full_name_surname_and_pronoun(nlp: Any, res: Resources) -> None:
    text = (
        "Russian Foreign Minister Sergey Lavrov met Chinese officials in Beijing on Monday. "
        "Lavrov said the talks were useful. “We agree on most things,” he said."
    )
    item = run(nlp, res, text, "2021-03-22")
    assert ref_at(item, "Sergey Lavrov").actor_id == "person:sergey-lavrov"
    assert ref_at(item, "Lavrov", 1).cameo_code == "RUSGOV"
    assert ref_at(item, "he").actor_id == "person:sergey-lavrov"
    chinese = ref_at(item, "Chinese officials")
    assert chinese.cameo_code == "CHNGOV"
    assert ref_at(item, "Beijing").cameo_code == "CHNGOV"  # capital as metonym


def test_unknown_person_with_title_gets_role_and_stable_id(nlp: Any, res: Resources) -> None:
    text = (
        "Hezbollah spokesman Karim Haddad Nourani denied the report on Sunday. "
        "Nourani said the group had not been consulted."
    )
    item = run(nlp, res, text)
    ref = ref_at(item, "Karim Haddad Nourani")
    assert ref.actor_id == "person:karim-haddad-nourani"
    assert ref.country == "LBN" and ref.sector == "REB"
    assert ref_at(item, "Nourani", 1).actor_id == ref.actor_id
    actor = item.actors[ref.actor_id]
    assert actor.affiliation == "org:hezbollah"
    assert actor.roles and "spokesman" in actor.roles[0].title.lower()


def test_pronoun_inside_quote_is_not_resolved_and_surname_mislabel(nlp: Any, res: Resources) -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky spoke to reporters in Kyiv. "
        "“He who waits loses,” Zelensky said, and he left."
    )
    item = run(nlp, res, text, "2022-03-01")
    quoted = item.article.text.index("He who")
    assert item.mention_at(quoted, quoted + 2) is None
    assert ref_at(item, "Zelensky", 1).actor_id == "person:volodymyr-zelensky"
    assert ref_at(item, "he").actor_id == "person:volodymyr-zelensky"


def test_collective_regime_follows_the_article(nlp: Any, res: Resources) -> None:
    text = (
        "The Syrian regime rejected the proposal. Critics said the regime had no plan. Turkey also commented."
    )
    item = run(nlp, res, text, "2019-06-01")
    assert ref_at(item, "regime", 1).cameo_code == "SYRGOV"
    assert ref_at(item, "Syrian regime").cameo_code == "SYRGOV"
    assert ref_at(item, "Turkey").cameo_code == "TUR"


def test_title_without_name_refers_to_holder(nlp: Any, res: Resources) -> None:
    text = (
        "Taliban deputy leader Abdul Ghani Baradar arrived in Doha. "
        "Later the Taliban deputy met Qatari officials."
    )
    item = run(nlp, res, text, "2020-02-10")
    assert ref_at(item, "Taliban deputy", 1).actor_id == "person:abdulghani-baradar"
    assert ref_at(item, "Qatari officials").cameo_code == "QATGOV"


def test_outlet_actor_and_aliases(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Rouhani spoke in Tehran. Hassan Rouhani then left.", "2020-01-01", outlet="Reuters")
    assert "org:reuters" in item.actors and item.actors["org:reuters"].sector == "MED"
    rouhani = item.actors["person:hassan-rouhani"]
    assert "Rouhani" in rouhani.aliases and rouhani.roles
    assert all(m.actor_id for m in item.mentions)


def test_resolve_phrase_for_unmentioned_np(nlp: Any, res: Resources) -> None:
    text = "The delegation met with senior Iraqi army commanders."
    item = run(nlp, res, text)
    start = text.index("Iraqi army")
    ref = resolve_phrase(item, start, start + len("Iraqi army"), kb_for(res))
    assert ref is not None and ref.cameo_code == "IRQMIL"


def test_kb_cached_per_config(res: Resources) -> None:
    assert kb_for(res) is kb_for(res)


def test_apposition_gives_unknown_person_a_role(nlp: Any, res: Resources) -> None:
    text = "Ruslan Petrenko, the defence minister of Moldova, met Romanian officials on Friday."
    item = run(nlp, res, text, "2023-04-01")
    ref = ref_at(item, "Ruslan Petrenko")
    assert ref.cameo_code == "MDAGOV"
    assert ref_at(item, "defence minister of Moldova").actor_id == ref.actor_id


def test_she_goes_to_the_woman_not_the_nearest_man(nlp: Any, res: Resources) -> None:
    text = (
        "Condoleezza Rice met Colin Powell at the White House on Monday. "
        "Officials said she would travel to Cairo, and he would stay."
    )
    item = run(nlp, res, text, "2004-11-16")
    assert item.actors[ref_at(item, "she").actor_id].name == "Condoleezza Rice"
    assert item.actors[ref_at(item, "he").actor_id].name == "Colin Powell"


def test_name_after_title_tagged_org_is_a_person(nlp: Any, res: Resources) -> None:
    text = "Japan's foreign minister, Nobutaka Machimura, arrived in Beijing. Machimura said little."
    item = run(nlp, res, text, "2005-04-17")
    ref = ref_at(item, "Nobutaka Machimura")
    assert ref is not None and item.actors[ref.actor_id].kind == "person"
    assert ref_at(item, "Machimura", 1).actor_id == ref.actor_id


def test_demonym_plurals_and_unknown_country_agents(nlp: Any, res: Resources) -> None:
    text = "Iraqis protested in Basra. A senior official said the talks had failed."
    item = run(nlp, res, text, "2019-10-02")
    assert ref_at(item, "Iraqis").cameo_code == "IRQ"
    assert ref_at(item, "senior official").cameo_code == "---GOV"


def test_it_and_its_follow_the_subject_organisation(nlp: Any, res: Resources) -> None:
    text = (
        "The Syrian government says it wants talks with the rebels. "
        "Its diplomats met Turkish officials. It is unclear whether talks will happen."
    )
    item = run(nlp, res, text, "2019-06-01")
    assert ref_at(item, "it").cameo_code == "SYRGOV"
    assert ref_at(item, "Its diplomats").cameo_code == "SYRGOV"
    expletive = text.index("It is")
    assert item.mention_at(expletive, expletive + 2) is None


def test_bare_surname_of_a_kb_person_in_office(nlp: Any, res: Resources) -> None:
    text = "Without this online network, Mr. Sanders would have struggled, aides said."
    item = run(nlp, res, text, "2016-03-01")
    ref = ref_at(item, "Sanders")
    assert ref is not None and ref.actor_id == "person:bernie-sanders" and ref.cameo_code == "USALEG"
    assert not any(m.text.startswith("network") for m in item.mentions)


def test_resolve_phrase_uses_a_prepositional_base(nlp: Any, res: Resources) -> None:
    text = "The talks were attended by officials from Egypt and by negotiators."
    item = run(nlp, res, text)
    item.mentions = [m for m in item.mentions if m.text != "officials"]  # as if never resolved
    start = text.index("officials")
    ref = resolve_phrase(item, start, start + len("officials"), kb_for(res))
    assert ref is not None and ref.cameo_code == "EGYGOV"


def test_dictionary_codes_in_the_stage(nlp: Any, tmp_path: Any) -> None:
    (tmp_path / "Test.actors.txt").write_text(
        "FREEDONIA [FRE]\n+FREEDONIAN\nRUFUS_FIREFLY\n\t[FREGOV 19330101-19351231]\n\t[FREELI]\n", "utf-8"
    )
    (tmp_path / "Test.agents.txt").write_text("FOREIGN_MINISTER [~GOV]\nPEACE_CORPS {} [NGO~]\n", "utf-8")
    res = Resources(PipelineConfig(dictionaries=str(tmp_path)))
    text = "Freedonia's foreign minister met Rufus Firefly. The Peace Corps Freedonian officials left."
    item = run(nlp, res, text, "1934-06-01")
    assert ref_at(item, "Freedonia's foreign minister").cameo_code == "FREGOV"
    assert ref_at(item, "Rufus Firefly").cameo_code == "FREGOV"
    later = run(nlp, res, text, "1950-06-01")
    assert ref_at(later, "Rufus Firefly").cameo_code == "FREELI"  # the undated default code
    assert kb_for(res).has_dictionaries and not kb_for(Resources(PipelineConfig())).has_dictionaries


def test_institutions_of_the_country_in_the_news_and_object_pronouns(nlp: Any, res: Resources) -> None:
    text = (
        "Protests spread across Iran on Friday. Iranian police fired tear gas. "
        "The Interior Ministry said protests were banned. "
        "Israeli Prime Minister Naftali Bennett spoke with Joe Biden. Bennett told him little."
    )
    item = run(nlp, res, text, "2021-09-01")
    assert ref_at(item, "Interior Ministry").cameo_code == "IRNGOV"
    assert ref_at(item, "him").actor_id == "person:joe-biden"


def test_outlets_as_actors(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Reuters reported that officials met in Tehran.", "2021-06-01", outlet="IRNA")
    irna = next(a for a in item.actors.values() if a.name == "IRNA")
    assert irna.kind == "organization" and irna.cameo_code == "IRNGOVMED"  # state media
    assert ref_at(item, "Reuters").sector == "MED"


def test_honorifics_give_gender(nlp: Any, res: Resources) -> None:
    text = "Mr. Arvid Kellström met Ms. Ilse Vandermeer in Oslo. She said the talks went well."
    item = run(nlp, res, text, "2020-01-01")
    she = ref_at(item, "She")
    assert she is not None and item.actors[she.actor_id].name == "Ilse Vandermeer"


def test_user_actor_file_overrides_and_extends(nlp: Any, tmp_path: Any) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: ondine-varga\n"
        "  name: Ondine Varga\n"
        "  kind: person\n"
        "  country: HUN\n"
        "  gender: female\n"
        "  aliases: [Varga]\n"
        "  roles:\n"
        "    - {title: Foreign Minister, country: HUN, sector: GOV, start: 2019-01-01, end: 2022-12-31}\n",
        "utf-8",
    )
    res = Resources(PipelineConfig(actor_files=(str(path),)))
    item = run(nlp, res, "Varga met the press. She declined to comment.", "2020-05-05")
    assert ref_at(item, "Varga").cameo_code == "HUNGOV"
    assert ref_at(item, "She").actor_id == "person:ondine-varga"
    assert run(nlp, res, "Varga met the press.", "2024-05-05").mentions[0].actor_id == "person:ondine-varga"


def test_bad_actor_file_is_a_knowledge_error(tmp_path: Any) -> None:
    from newsledger.errors import KnowledgeError

    path = tmp_path / "bad.yaml"
    path.write_text("- {name: X, kind: planet}\n", "utf-8")
    with pytest.raises(KnowledgeError, match="kind"):
        ActorKB.load([path])


def test_fronted_possessive_refers_forward(nlp: Any, res: Resources) -> None:
    text = "Joe Biden spoke on Monday. In his first speech as chancellor, Olaf Scholz said little."
    item = run(nlp, res, text, "2021-12-10")
    assert item.actors[ref_at(item, "his").actor_id].name == "Olaf Scholz"
    assert not any(m.text == "chancellor" for m in item.mentions)


def test_lowercase_particles_acronyms_and_org_agents(nlp: Any, res: Resources) -> None:
    text = "Officials said al-Qaeda was weakened. ITS members left the European Union's citizens alone."
    item = run(nlp, res, text, "2007-11-15")
    assert ref_at(item, "al-Qaeda").actor_id == "org:al-qaeda"
    its = text.index("ITS")
    assert item.mention_at(its, its + 3) is None or item.mention_at(its, its + 3).label != "PRON"  # type: ignore[union-attr]
    citizens = text.index("citizens")
    m = item.mention_at(citizens, citizens + 8)
    assert m is None or m.actor_id != "org:european-union"


def test_subject_pronoun_prefers_the_previous_subject(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Obama met Putin in Geneva on Monday. He said the talks were useful.", "2010-06-01")
    assert ref_at(item, "He").actor_id == "person:barack-obama"
    item = run(nlp, res, "Zarif met Shamkhani, who said he was tired.", "2020-06-01")
    assert ref_at(item, "who").actor_id == "person:ali-shamkhani"
    assert ref_at(item, "he").actor_id == "person:ali-shamkhani"


def test_place_names_inside_organisation_names(nlp: Any, res: Resources) -> None:
    text = "The Washington Post reported that the Bank of Japan raised rates. Washington said nothing."
    item = run(nlp, res, text, "2022-01-01")
    post = ref_at(item, "Washington Post")
    assert post is not None and post.sector == "MED" and post.actor_id != "group:USAGOV"
    assert ref_at(item, "Bank of Japan").country == "JPN"
    assert ref_at(item, "Washington", 1).cameo_code == "USAGOV"


def test_sponsored_groups_are_not_the_sponsor(nlp: Any, res: Resources) -> None:
    item = run(
        nlp, res, "Iranian-backed militias attacked the base. Iranian forces stayed away.", "2023-01-01"
    )
    start = item.article.text.index("militias")
    m = item.mention_at(start, start + len("militias"))
    assert m is None or not (m.actor_id or "").startswith("group:IRN")
    assert ref_at(item, "Iranian forces").cameo_code == "IRNMIL"


def test_countries_inside_longer_place_names(nlp: Any, res: Resources) -> None:
    text = "Officials in New Jersey and the United States disagreed. Northern Ireland stayed out."
    item = run(nlp, res, text, "2016-10-03")
    assert all(m.actor_id not in ("country:JEY", "country:IRL") for m in item.mentions)
    assert ref_at(item, "United States").cameo_code == "USA"


def _person(item: AnalyzedArticle, name_part: str) -> Any:
    found = [a for a in item.actors.values() if a.kind == "person" and name_part in a.name]
    assert found, f"no person named like {name_part!r} in {sorted(item.actors)}"
    return found[0]


def test_a_title_in_the_entity_is_no_alias(nlp: Any, res: Resources) -> None:
    text = (
        "Senator Ambrose Quillfeather criticised the budget on Tuesday. Quillfeather said the plan "
        "would hurt farmers. Senator Quillfeather then left for Ohio."
    )
    item = run(nlp, res, text)
    person = _person(item, "Quillfeather")
    assert "Senator" not in person.aliases
    assert all(not a.startswith("Senator") or "Quillfeather" in a for a in person.aliases)
    assert {a.actor_id for a in item.actors.values() if a.kind == "person"} == {person.actor_id}


def test_an_unknown_person_takes_the_country_the_article_gives(nlp: Any, res: Resources) -> None:
    cases = [
        ("Bolivia's defence minister, Ramiro Tellechea, said the army would stay in its barracks.", "BOL"),
        ("Iranian Foreign Minister Dariush Kalantari met the delegation in Geneva on Monday.", "IRN"),
        ("Tom Walsh, a senator from Ohio, said the bill would pass.", "USA"),
        ("Joao Pedro Stedile, a Brazilian economist, criticised the plan.", "BRA"),
    ]
    for text, country in cases:
        item = run(nlp, res, text)
        person = [a for a in item.actors.values() if a.kind == "person"]
        assert len(person) == 1, text
        assert person[0].country == country, (text, person[0])


def test_things_places_and_markup_are_no_people(nlp: Any, res: Resources) -> None:
    text = (
        "Sales of Vioxx fell after the recall. The Kyoto treaty entered into force in 2005. "
        "COVID-19 closed the border. NEMISIS lists every case. God willing, the talks will go on, "
        "said Marta Villanueva of the farmers' union."
    )
    item = run(nlp, res, text)
    people = {a.name for a in item.actors.values() if a.kind == "person"}
    assert people <= {"Marta Villanueva"}, people
    assert not any(name in people for name in ("Vioxx", "Kyoto", "COVID-19", "NEMISIS", "God"))


def test_generic_words_are_no_aliases(nlp: Any, res: Resources) -> None:
    text = (
        "The Iranian government rejected the offer. The government said the regime in Tehran "
        "would not negotiate, and the authorities closed the embassy."
    )
    item = run(nlp, res, text)
    for actor in item.actors.values():
        generic = {
            "government",
            "The government",
            "the government",
            "authorities",
            "the authorities",
            "regime",
        }
        assert not generic & set(actor.aliases), (actor.actor_id, actor.aliases)


def test_screens_name_why_an_entity_is_no_actor() -> None:
    from newsledger.stages.actors.screen import generic_alias, no_organization, no_person, title_words

    kb = ActorKB.load()
    assert no_person(kb, "COVID-19") == "digits"
    assert no_person(kb, "NEMISIS") == "acronym"
    assert no_person(kb, "God") == "deity"
    assert no_person(kb, "Iran") == "place"
    assert no_person(kb, 'title="x">Ind.') == "markup"
    assert no_person(kb, "King") == "title"
    assert no_person(kb, "Army Corps &mdash") == "markup"
    assert no_organization("United Kingdom General Election") == "thing"
    assert no_organization("Isle of Wight") == "thing"  # the head of a name with "of"
    assert no_organization("Bank of Japan") is None
    assert no_organization("Kyoto Protocol") == "thing" and no_organization("Election Commission") is None
    assert no_organization("Communist Workers Party") is None
    assert no_person(kb, "Marta Villanueva") is None
    assert title_words(kb, ["Senator", "Bernie", "Sanders"]) == 1
    assert title_words(kb, ["Foreign", "Minister", "Manouchehr", "Mottaki"]) == 2
    assert title_words(kb, ["Bernie", "Sanders"]) == 0
    assert title_words(kb, ["Senator"]) == 0  # a title never takes the whole name
    assert generic_alias(kb, "Senator") and generic_alias(kb, "the government")
    assert not generic_alias(kb, "Iranian government") and not generic_alias(kb, "Sanders")


def test_a_hyphenated_surname_alone_is_the_person_named_before(nlp: Any, res: Resources) -> None:
    text = (
        "Shia cleric Muqtada al-Sadr called for calm in Najaf on Friday. Supporters of al-Sadr "
        "marched to the shrine, and al-Sadr later said the protest was over."
    )
    item = run(nlp, res, text)
    people = {a.actor_id for a in item.actors.values() if a.kind == "person"}
    assert len(people) == 1, people


def test_a_counterpart_takes_the_nationality_the_apposition_gives(nlp: Any, res: Resources) -> None:
    text = "Iraqi Foreign Minister Hoshyar Zebari met his Iranian counterpart, Dariush Kalantari, in Baghdad."
    item = run(nlp, res, text)
    person = _person(item, "Kalantari")
    assert person.country == "IRN"
    assert all(not r.title.startswith("his ") for r in person.roles)


def test_a_nationality_attached_to_the_name_gives_the_country(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "US Major Alan Kabakoff says the missions are valuable.")
    assert _person(item, "Kabakoff").country == "USA"
    item = run(nlp, res, "Brazilian officials met Alan Kabakoff on Tuesday.")
    assert _person(item, "Kabakoff").country is None  # the nationality describes the officials


def test_names_cut_from_text_keep_no_editorial_brackets(nlp: Any, res: Resources) -> None:
    """Brackets left where a wiki link or an editor's insertion was cut are no part of a name:
    the alias keeps the words ("Osama bin Laden"), the brackets go."""
    text = (
        "Officials said Osama [bin Laden] ordered the attack. Troops in Pak[istan] and the] UK waited. "
        "President George W.] Bush met Pervez] Musharraf."
    )
    item = run(nlp, res, text, day="2005-01-29")
    names = {a.name for a in item.actors.values()} | {n for a in item.actors.values() for n in a.aliases}
    assert not [n for n in names if set(n) & set("[]{}")]
    assert {"Osama bin Laden", "the UK", "George W. Bush", "Pervez Musharraf"} <= names
    assert "Pakistan" in item.actors["country:PAK"].aliases
