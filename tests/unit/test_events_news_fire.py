"""Fire taken, means only police use, what is sent, measures fought and who "they" are, found
wrong on news nobody tuned the coder to (#11, written on the leads of sample Z18, not on gold
sentences).  The whole pipeline runs, with the Phoenix dictionaries (the default).  Sentences
written for these tests."""

from __future__ import annotations

from .test_events_news_parties import _result
from .test_events_unseen_news import _by_root, _coded


def test_fire_taken_from_an_armed_force_is_an_attack_on_whom_it_is_taken() -> None:
    text = "The corporal, Private Tom Baker, came under fire from Taliban forces near Musa Qala."
    assert ("Taliban", "Tom Baker") in _by_root(text, "19")  # was no event
    named = "Hamid Karzai came under fire from the Taliban during a parade in Kabul."
    assert ("Taliban", "Hamid Karzai") in _by_root(named, "19")  # the doer's sector decides
    mortars = _by_root("Two Danish soldiers came under mortar fire in Helmand on Sunday.", "19")
    assert mortars and all(t == "Danish military" for _, t in mortars)


def test_fire_taken_from_critics_is_criticism() -> None:
    text = "Silvio Berlusconi came under fire from Romano Prodi for the hospital closures."
    assert ("Romano Prodi", "Silvio Berlusconi") in _by_root(text, "111")
    assert not _by_root(text, "19")
    # no one named and nothing armed fired on: nobody's criticism to record
    assert not _coded("Silvio Berlusconi found himself under fire for using a rude word.")


def test_an_unnamed_force_using_tear_gas_is_the_police() -> None:
    result = _result(
        "Protesters marched to the embassy in Tehran. Tear gas was used against the "
        "demonstrators, at least twelve of whom were injured."
    )
    hurt = [e for e in result.events if e.cameo_code.startswith("19")]
    assert hurt and all(e.source is not None and e.source.sector == "COP" for e in hurt)  # was an armed group


def test_things_sent_are_no_one_acted_on() -> None:
    text = "Qantas has agreed to buy ten new Airbus jets. The first jets will be delivered in 2011."
    assert not [
        c for _, t, c in _coded(text) if t is not None and c.startswith(("03", "07"))
    ]  # were military
    sent = _coded("Riot police were sent to the square in Minsk on Saturday.")
    assert [s for s, _, c in sent if c.startswith("15")]  # a force sent stays its own move


def test_a_measure_fought_is_no_force() -> None:
    assert not _coded("The Gold Coast City Council has vowed to fight a state government rezoning plan.")
    assert not _by_root("Jose Padilla will fight the charges, his lawyer said.", "19")
    assert _by_root("The Taliban vowed to fight the Afghan government.", "13")  # a threat stays


def test_a_state_that_says_they_will_act_is_they() -> None:
    text = "Nine Pakistani soldiers were killed on Friday, and the U.S. says that they may strike targets in Pakistan."
    assert {s for s, _ in _by_root(text, "19") if s != "unidentified armed group"} == {"United States"}
    talks = _by_root(
        "Russia announced on Monday they were in negotiations with Syria over fighter jets.", "04"
    )
    assert ("Russian Federation", "Syria") in talks  # was no event


def test_a_capitalised_adjective_before_a_known_party_names_another_party() -> None:
    text = "Hundreds demonstrated in Baku, Azerbaijan. The National Democratic Party led the rally."
    result = _result(text)
    parties = {m.actor_id for m in result.mentions if "Democratic" in m.text}
    assert parties and "org:us-democratic-party" not in parties  # was the US Democrats


def test_homeless_advocates_are_campaigners_not_lawyers() -> None:
    arrested = _by_root(
        "Ten homeless advocates who had been blocking a street in Portland were arrested by police.", "17"
    )
    assert arrested and all("judiciary" not in (t or "") for _, t in arrested)


def test_those_who_died_in_an_attack_are_its_victims_not_its_doers() -> None:
    died = _by_root("Dozens died in an attack by the Taliban near Kabul on Monday.", "19")
    assert died and {s for s, _ in died} == {"Taliban"}  # was no event: no one it was done to
    assert all(t is not None and "civilians" in t for _, t in died)
    soldiers = _by_root("Four Afghan soldiers died in an attack in Kandahar.", "19")
    assert soldiers and {t for _, t in soldiers} == {"Afghan military"}  # was no event


def test_irelands_police_are_known() -> None:
    clash = _by_root("Students in Ireland clashed with Gardaí after a rally in Dublin.", "19")
    assert ("Irish academia", "Garda Síochána") in clash  # were nobody the knowledge base knew


def test_a_fine_and_a_sentence_share_the_by_phrase() -> None:
    text = "Mark Dwyer has been sentenced to six months in jail and fined US$ 15,000 by the US Department of Justice."
    sentenced = _by_root(text, "11")
    assert sentenced and {s for s, _ in sentenced} == {"United States Department Of Justice"}  # was a court


def test_a_country_after_a_city_is_no_subject() -> None:
    text = "Lawmakers from 30 African countries meeting in Lyon, France asked the Bush administration to close the camp."
    appeals = _coded(text)
    assert appeals and not [s for s, _, _ in appeals if s == "France"]  # was France


def test_people_arrested_are_its_target_however_vague_their_country() -> None:
    text = "Riot police broke up a protest and arrested 20 to 30 protesters in the capital city of Bishkek."
    arrested = _by_root(text, "173")
    assert arrested and all("government" not in (t or "") for _, t in arrested)  # was the Kyrgyz government


def test_the_of_of_an_act_of_ones_own_is_its_doer() -> None:
    text = "Premier Dalton McGuinty reshuffled his cabinet following the resignation of Trade Minister Joe Cordiano."
    assert not [t for _, t, c in _coded(text) if t == "Joe Cordiano"]  # was McGuinty's act on Cordiano


def test_a_year_that_names_a_noun_dates_no_act() -> None:
    text = (
        "The State Department says that the Venezuelan government's measure to restrict flights to the "
        "United States violates the treaty of 1953."
    )
    result = _result(text)
    assert result.events and all(e.date != "1953" for e in result.events)


def test_miners_killed_in_a_named_mine_died_in_an_accident() -> None:
    assert not _coded("Two miners were killed in the San Jose mine near Copiapo on Monday.")
    assert not _coded("Twelve miners were killed in a coal mine in Shanxi province on Monday.")
    assert _by_root("Three soldiers were killed by a mine in Helmand province.", "19")  # a landmine


def test_one_national_killed_is_a_civilian_and_others_counted_are_people() -> None:
    text = "A gunman opened fire on tourists in Aqaba. One Briton was killed and four others were injured at the theatre."
    killed = _by_root(text, "18") | _by_root(text, "19")
    assert "British civilians" in {t for _, t in killed}  # was the United Kingdom
    assert not [t for _, t in killed if t == "theatre"]
    assert not _coded("Both parties accused the other of fraud in Sunday's election in Peru.")


def test_a_plain_party_word_is_the_articles_countrys_party() -> None:
    text = (
        "The Law Society of Australia said the Greens and Democrats have committed to more legal aid. "
        "Labor has not. Australian Prime Minister John Howard disagreed with the Australian Senate."
    )
    committed = _coded(text)
    assert committed and "Democratic Party" not in {s for s, _, _ in committed}  # were the US Democrats
    us = _by_root("Senate Democrats criticised President Bush over the war in Iraq on Tuesday.", "11")
    assert ("Democratic Party", "George W. Bush") in us  # the American Democrats stay


def test_a_spokeswoman_for_a_states_army_is_of_that_state() -> None:
    result = _result("Jane Moore, a spokeswoman for the U.S. military, denied the reports on Monday.")
    person = next(a for a in result.actors if a.name == "Jane Moore")
    assert person.country == "USA"  # was none: "for the U.S." read as the post's topic


def test_an_embassy_is_not_where_its_country_is() -> None:
    result = _result(
        "The US is withdrawing diplomats from Belgrade after Friday's mob attack on the U.S. embassy there."
    )
    attacks = [e for e in result.events if e.cameo_code.startswith("19")]
    assert attacks and all(e.location is None or e.location.country != "USA" for e in attacks)
    assert all(
        e.source is not None and e.source.country != "USA" for e in attacks
    )  # was an American armed group


def test_means_police_use_leave_a_named_armys_act_its_own() -> None:
    text = "Prisoners were killed at the jail when U.S. soldiers ran out of rubber bullets during a riot."
    killed = _by_root(text, "19")
    assert killed and not [s for s, _ in killed if s is not None and "police" in s]


def test_fire_a_modifier_stands_in_is_still_fire_taken() -> None:
    fired = _by_root("Two Danish soldiers came under insurgent fire in Helmand on Sunday.", "19")
    assert fired and {t for _, t in fired} == {"Danish military"}  # was no event


def test_a_death_the_next_sentence_tells_as_an_accident_is_no_attack() -> None:
    text = (
        "The Ministry of Defence has confirmed that a British soldier has been killed in Afghanistan. "
        "Private Tom Reed, of the Royal Logistic Corps, died in a traffic accident in Camp Bastion."
    )
    assert not _by_root(text, "19")  # was an Afghan armed group's


def test_harm_told_after_a_named_act_of_force_is_that_forces() -> None:
    text = (
        "An Israeli missile has struck the Al-Aqsa TV building in Gaza City. Other channels also have "
        "offices inside the building. At least three people have been injured."
    )
    result = _result(text)
    hurt = [e for e in result.events if e.provenance.sentence_index == 2]
    assert hurt and all(
        e.source is not None and e.source.name == "Israel" for e in hurt
    )  # was an armed group


def test_the_new_or_a_partys_government_is_the_countrys() -> None:
    text = (
        "Gordon Brown won the election in Britain. The new Labour government has signed the treaty with "
        "Ireland and plans to withdraw British troops from Iraq."
    )
    sources = {s for s, _, _ in _coded(text)}
    assert "British government" in sources and "unidentified government" not in sources


def test_an_offence_charged_to_one_described_by_a_clause_is_theirs() -> None:
    text = "Federal prosecutors charged a former U.S. marine who served in Iraq with the murder of an Iraqi farmer."
    murders = [(s, t) for s, t, c in _coded(text) if c.startswith("18")]
    assert murders and all(s is not None and "Iraqi" not in s for s, _ in murders)  # was an Iraqi armed group


def test_people_detained_with_no_one_named_are_held_by_the_police_named_before() -> None:
    text = (
        "Spanish police have launched a raid on suspected extremists across Spain. About 90 warrants were "
        "issued, with about 60 people being detained. After the London bombings, the British police "
        "raised the alert in London."
    )
    detained = [(s, t) for s, t, c in _coded(text) if c.startswith("173")]
    assert detained and all(s == "Spanish police" for s, _ in detained)


def test_what_a_thing_given_holds_is_no_one_it_is_given_to() -> None:
    text = "MovieNet will be launched in May, providing episodes of old shows, such as Beetlejuice and Lois and Clark."
    assert not _coded(text)  # were aid to "Beetlejuice", "Lois" and "Clark"
    assert ("Iran", "Hezbollah") in _by_root("Iran provided weapons to Hezbollah.", "07")


def test_victims_whom_the_parse_hangs_on_a_reporting_verb_keep_their_country() -> None:
    text = (
        "The civilian population in Lebanon has paid the highest price; 150 Lebanese civilians have been "
        "reported to be killed in the past week."
    )
    killed = _by_root(text, "19")
    assert killed and {t for _, t in killed} == {"Lebanese civilians"}  # were unidentified civilians


def test_what_a_harm_is_the_result_of_names_its_doer() -> None:
    text = "As a result of Hezbollah rocket fire, at least 12 Israelis have been reported killed in Nahariya."
    killed = _by_root(text, "19")
    assert killed and {s for s, _ in killed} == {"Hezbollah"}  # was an armed group of the place


def test_a_branch_of_a_group_acts_for_it() -> None:
    text = "On Friday, the Afghan branch of the Taliban captured a supply convoy of ten trucks bound for NATO troops."
    taken = [(s, t) for s, t, c in _coded(text) if c.startswith("17")]
    assert ("Taliban", "NATO") in taken  # was no event: "branch" read as no one
