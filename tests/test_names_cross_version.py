"""Names the other versions render, CLDR names, and what word alignment says (issue 12)."""

import re

import numpy as np
import pytest
from factories import pair, release

from aligncheck.checks.name.NA01 import NA01
from aligncheck.extract.name_match import cldr_rendering
from aligncheck.lang.cldr_names import calendar_names


def concepts_of(**groups: tuple[str, ...]) -> dict[str, str]:
    """Word -> concept for ConceptEmbedder: each keyword is a concept, its value the words
    that mean it in the versions."""
    return {word: concept for concept, words in groups.items() for word in words}


def warnings(ctx):
    found = list(NA01().check_release(ctx)) if hasattr(ctx, "pairs") else list(NA01().check(ctx))
    return [(f.lang, f.source_text) for f in found if f.severity.value == "warning"]


def test_cldr_names_render_a_country_across_languages_and_inflection():
    assert cldr_rendering("Spain", "en", "Переговоры в Испании", "ru") == (13, 20)
    assert cldr_rendering("Germany", "en", "Almaniyada oldu", "az") is not None
    assert cldr_rendering("Germany", "en", "Франция", "ru") is None
    assert cldr_rendering("Harlem", "en", "Гарлем", "ru") is None  # no CLDR name: not this way


def test_month_and_weekday_names_come_from_cldr():
    words = calendar_names("en")
    assert {"october", "saturday", "sep"} <= words and "harlem" not in words


def test_a_place_name_the_other_versions_render_is_a_warning_where_it_is_left_out():
    source = ["The ferry from Paldiski was late again."]
    ctx = release(
        source,
        {
            "ru": ["Паром снова опоздал."],
            "kk": ["Палдискиден келген паром тағы кешікті."],
            "tr": ["Paldiski'den gelen feribot yine gecikti."],
        },
    )
    assert warnings(ctx) == [("ru", "Paldiski")]
    kept = release(
        source,
        {
            "ru": ["Паром из Палдиски снова опоздал."],
            "kk": ["Палдискиден келген паром тағы кешікті."],
            "tr": ["Paldiski'den gelen feribot yine gecikti."],
        },
    )
    assert warnings(kept) == []


def test_a_rare_word_most_versions_leave_out_is_no_agreed_omission(monkeypatch):
    """A word rare in English (Paldiski) is a name to every translator: one version spelling
    it outweighs the others leaving it out. A common one (Historically) they may translate
    or leave out together."""
    from aligncheck.checks.name import evidence
    from aligncheck.lang.frequency import zipf

    assert zipf("Paldiski", "en") < evidence.RARE_ZIPF < zipf("Historically", "en")
    source = ["The ferry from Paldiski was late again."]
    versions = {
        "ru": ["Паром снова опоздал."],
        "kk": ["Паром тағы кешікті."],  # ru's one version in its script leaves it out too
        "az": ["Bərə yenə gecikdi."],
        "tk": ["Parom ýene gijä galdy."],
        "tr": ["Paldiski'den gelen feribot yine gecikti."],
    }
    expected = [(lang, "Paldiski") for lang in ("az", "kk", "ru", "tk")]
    assert sorted(warnings(release(source, versions))) == expected
    monkeypatch.setattr(evidence, "zipf", lambda word, lang: 5.0)  # as common as "select"
    assert warnings(release(source, versions)) == []


def test_a_word_of_a_longer_capitalised_run_is_quoted_with_its_run():
    from aligncheck.checks.name.evidence import run_around
    from aligncheck.lang.morph import words

    text = (
        "He met Dr Essie Brown at Ballynagard Crescent. Sunday Times readers know Berlin, "
        "Britain's capital, and North Korea's Kim Jong Un."
    )

    def run(word: str) -> str | None:
        tokens, at = words(text), text.index(word)
        return run_around(text, tokens, [t.start for t in tokens], at, at + len(word))

    assert run("Essie") == "Dr Essie Brown" and run("Ballynagard") == "Ballynagard Crescent"
    assert run("Times") is None  # the word before it starts the sentence
    assert run("Berlin") is None  # alone in its run
    assert run("Britain") is None and run("Kim") == "Kim Jong Un"  # a possessive ends a run
    assert run("Korea") == "North Korea"
    source = ["The ferry from Paldiski Harbour was late again."]
    versions = {
        "ru": ["Паром снова опоздал."],
        "kk": ["Палдиски Харбордан келген паром тағы кешікті."],
        "tr": ["Paldiski Harbour'dan gelen feribot yine gecikti."],
    }
    [f] = [f for f in NA01().check_release(release(source, versions)) if f.lang == "ru"]
    assert f.message.startswith("name 'Paldiski' (of 'Paldiski Harbour') is not in the target")


def test_a_cldr_subdivision_is_rendered_by_its_name_in_the_language():
    # İskoçya spells nothing of Scotland: CLDR's subdivision names link them
    source = ["The couple married in Scotland in June."]
    versions = {
        "ru": ["Пара поженилась в Шотландии в июне."],
        "tr": ["Çift haziranda İskoçya'da evlendi."],
        "az": ["Cütlük iyunda Şotlandiyada evləndi."],
    }
    assert warnings(release(source, versions)) == []
    versions["tr"] = ["Çift haziranda evlendi."]
    assert warnings(release(source, versions)) == [("tr", "Scotland")]


def test_with_one_version_only_cldr_names_are_checked():
    dropped = pair(["Talks in Spain and Paldiski went on."], ["Переговоры продолжились."], "ru")
    assert warnings(dropped) == [("ru", "Spain")]
    kept = pair(["Talks in Spain went on."], ["Переговоры в Испании продолжились."], "ru")
    assert warnings(kept) == []


def test_a_word_the_document_writes_in_lower_case_is_no_name():
    source = ["The programme starts.", "The Development Programme pays for it."]
    ctx = release(
        source,
        {
            "ru": ["Программа начинается.", "Её оплачивает фонд развития."],
            "az": ["Proqram başlayır.", "Onu İnkişaf Proqramı ödəyir."],
            "tr": ["Program başlıyor.", "Onu Kalkınma Programı ödüyor."],
        },
    )
    assert warnings(ctx) == []


def test_a_name_a_version_translates_everywhere_is_its_choice():
    source = ["The Vistula floods.", "The Vistula freezes.", "Kraków lies on it."]
    ctx = release(
        source,
        {
            "ru": ["Висла разливается.", "Висла замерзает.", "Краков стоит на ней."],
            "kk": ["Висла тасиды.", "Висла қатады.", "Краков соның бойында."],
            "tr": ["Büyük ırmak taşıyor.", "Büyük ırmak donuyor.", "Krakov onun üzerinde."],
        },
    )
    assert warnings(ctx) == []


def test_a_run_whose_other_word_the_version_renders_is_translated_not_dropped():
    source = ["She flew to Bratislava Airport in West Ruthenia yesterday."]
    ctx = release(
        source,
        {
            "ru": ["Вчера она прилетела в аэропорт Братиславы в Западной Рутении."],
            "kk": ["Ол кеше Батыс Рутениядағы Братислава әуежайына ұшты."],
            "tr": ["Dün West Ruthenia'daki Bratislava Airport'a uçtu."],
        },
    )
    assert ("ru", "West") not in warnings(ctx) and ("kk", "West") not in warnings(ctx)


class ConceptEmbedder:
    """A stand-in with token vectors: each word is a one-hot vector of its concept, so words
    of one concept align (the test says which words mean the same)."""

    def __init__(self, concepts: dict[str, str]):
        self.concepts = concepts
        self.ids: dict[str, int] = {}

    def _id(self, word: str) -> int:
        concept = self.concepts.get(word, word)
        return self.ids.setdefault(concept, len(self.ids))

    def embed(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2

    def token_vectors(self, texts):
        out = []
        for text in texts:
            found = list(re.finditer(r"\w+", text))
            ids = [self._id(m.group()) for m in found]
            vectors = np.zeros((len(found), 64), dtype=np.float32)
            for row, n in enumerate(ids):
                vectors[row, n % 64] = 1.0
            out.append((np.array([m.span() for m in found]).reshape(-1, 2), vectors))
        return out


def test_word_alignment_says_what_the_name_was_changed_to():
    embedder = ConceptEmbedder(
        {
            "Assad": "A",
            "Асадом": "A",
            "Esad": "A",
            "Линдквистом": "A",
            "opposition": "O",
            "оппозицией": "O",
            "muhalefet": "O",
            "agreement": "G",
            "соглашение": "G",
            "anlaşma": "G",
        }
    )
    source = ["An agreement between Assad and the opposition."]
    ctx = release(
        source,
        {
            "ru": ["Соглашение между Линдквистом и оппозицией."],
            "kk": ["Асадом және оппозиция арасындағы келісім."],
            "tr": ["Esad ile muhalefet arasında anlaşma."],
        },
        embedder=embedder,
    )
    [f] = [f for f in NA01().check_release(ctx) if f.severity.value == "warning"]
    assert f.lang == "ru" and f.target_text == "Линдквистом"
    assert "rendered as 'Линдквистом'" in f.message


def test_a_run_word_aligned_to_another_name_that_most_versions_render_is_changed():
    # Harbour is translated everywhere; Paldiski is kept by kk, az and tr, and ru writes another
    # name where it is aligned: not a translated piece of the run
    concepts = {w: "P" for w in ("Paldiski", "Палдиски", "Lövenberg")}
    concepts |= {w: "H" for w in ("Harbour", "гавани", "айлағында", "limanında", "Limanı")}
    source = ["She spoke at Paldiski Harbour yesterday."]
    versions = {
        "ru": ["Вчера она выступила в гавани Lövenberg."],
        "kk": ["Ол кеше Палдиски айлағында сөйледі."],
        "az": ["O dünən Paldiski limanında danışıb."],
        "tr": ["Dün Paldiski Limanı'nda konuştu."],
    }
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    assert ("ru", "Paldiski") in warnings(ctx)
    # one other version keeping a word of the run is too little evidence (a title translated
    # in one version and kept in English in the other)
    two = {k: versions[k] for k in ("ru", "tr")}
    two = release(source, two, embedder=ConceptEmbedder(concepts))
    assert ("ru", "Paldiski") not in warnings(two)


def test_a_person_any_other_version_writes_is_not_left_out_by_agreement():
    source = ["The report was written by Dana Ospanova last year."]
    versions = {
        "ru": ["Доклад был написан в прошлом году."],
        "kk": ["Баяндама былтыр жазылды."],
        "az": ["Hesabat keçən il yazılıb."],
        "tr": ["Rapor geçen yıl Dana Ospanova tarafından yazıldı."],
    }
    three = [("az", "Dana Ospanova"), ("kk", "Dana Ospanova"), ("ru", "Dana Ospanova")]
    assert sorted(warnings(release(source, versions))) == three
    versions["tr"] = ["Rapor geçen yıl yazıldı."]  # every version leaves her out: a choice
    assert warnings(release(source, versions)) == []


def test_name_words_aligned_across_a_clause_are_no_translation_of_it():
    # the alignment scatters the name over lower-case words far apart (агентства ... пятницу)
    concepts = {"Sutopo": "X", "агентства": "X", "Purwo": "Y", "пятницу": "Y"}
    source = ["The agency's Sutopo Purwo told a news conference on Friday."]
    versions = {
        "ru": ["Представитель агентства заявил на пресс-конференции в пятницу."],
        "kk": ["Агенттіктің өкілі Сутопо Пурво жұма күні баспасөз мәслихатында айтты."],
        "az": ["Agentliyin nümayəndəsi Sutopo Purvo cümə günü mətbuat konfransında bildirib."],
        "tr": ["Ajansın sözcüsü Sutopo Purwo cuma günü bir basın toplantısında konuştu."],
    }
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    assert warnings(ctx) == [("ru", "Sutopo Purwo")]


def test_a_name_aligned_to_another_mentions_rendering_is_not_spelled_there():
    # both source mentions of Kavanaugh align to the one tk keeps; the full name's place holds
    # another name: no looser spelling of it, and no "rendered as 'Kavanaugh'"
    concepts = {"Kavanaugh": "K", "Кавано": "K", "Brett": "B", "Бретт": "B"}
    concepts |= {w: "H" for w in ("hearing", "diňlenişik", "oturum")}
    concepts |= {w: "S" for w in ("senators", "сенаторы", "senatorlar", "senatörler")}
    source = [
        "The hearing on nominee Brett Kavanaugh went on all day. "
        "Then the senators questioned Kavanaugh."
    ]
    versions = {
        "ru": [
            "Слушания по кандидату Бретту Кавано шли весь день. Затем сенаторы допросили Кавано."
        ],
        "tr": [
            "Aday Brett Kavanaugh hakkındaki oturum bütün gün sürdü. "
            "Sonra senatörler Kavanaugh'u sorguladı."
        ],
        "tk": [
            "Dalaşgär Fleetwood-a garşy diňlenişik bütin gün dowam etdi. "
            "Soňra senatorlar Kavanaugh-y soragladylar."
        ],
    }
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    [f] = [f for f in NA01().check_release(ctx) if f.severity.value == "warning"]
    assert (f.lang, f.source_text) == ("tk", "Brett Kavanaugh")
    assert "rendered as" not in f.message


def test_a_word_like_the_other_versions_rendering_is_this_versions_rendering():
    # az writes the town with a case ending the English name alone does not reach (Uilinqdə);
    # ru's Уилинге is close to it, and lends it
    source = ["The rally was held in Wheeling yesterday."]
    versions = {
        "ru": ["Митинг прошёл в Уилинге вчера."],
        "tr": ["Miting dün Wheeling'de yapıldı."],
        "az": ["Mitinq dünən Uilinqdə keçirildi."],
    }
    assert warnings(release(source, versions)) == []
    versions["az"] = ["Mitinq dünən Bakıda keçirildi."]
    assert warnings(release(source, versions)) == [("az", "Wheeling")]


def test_a_lower_case_word_like_another_versions_lower_case_rendering_renders_the_name():
    # a language name: ru writes it in lower case, so tk's lower-case ýaponça (like tr's
    # Japonca and az's Yapon) renders it; another language in its place does not
    source = ["Pupils can learn Japanese at the school."]
    versions = {
        "ru": ["Ученики могут изучать японский в школе."],
        "az": ["Şagirdlər məktəbdə Yapon dilini öyrənə bilərlər."],
        "tr": ["Öğrenciler okulda Japonca öğrenebilir."],
        "tk": ["Okuwçylar mekdepde ýaponça öwrenip bilerler."],
    }
    assert warnings(release(source, versions)) == []
    changed = versions | {"tk": ["Okuwçylar mekdepde fransuzça öwrenip bilerler."]}
    assert warnings(release(source, changed)) == [("tk", "Japanese")]
    # where every other version writes it capitalised, a lower-case word is no rendering
    capitalised = versions | {"ru": ["Ученики могут изучать Японский в школе."]}
    assert warnings(release(source, capitalised)) == [("tk", "Japanese")]


def test_lower_case_renderings_in_the_other_versions_are_no_evidence():
    source = ["The Republicans met today."]
    versions = {
        "ru": ["Сегодня собрались республиканцы."],
        "az": ["Bu gün respublikaçılar toplaşdı."],
        "tr": ["Bugün partililer toplandı."],
    }
    assert warnings(release(source, versions)) == []


def test_a_person_half_the_versions_leave_out_is_still_a_warning():
    source = ["The report was written by Jeremy Corbyn and his staff."]
    versions = {
        "ru": ["Отчёт написал Джереми Корбин со своими сотрудниками."],
        "az": ["Hesabatı Ceremi Korbin və işçiləri yazıb."],
        "kk": ["Есепті ол өз қызметкерлерімен жазды."],
        "tr": ["Raporu o ve ekibi yazdı."],
        "tk": ["Hasabaty ol we işgärleri ýazdy."],
    }
    assert sorted(warnings(release(source, versions))) == [
        ("kk", "Jeremy Corbyn"),
        ("tk", "Jeremy Corbyn"),
        ("tr", "Jeremy Corbyn"),
    ]


def test_a_rendering_two_versions_share_where_the_name_is_aligned_is_no_change():
    # Kim Jong Un is Ким Чен Ын by convention, which no transliteration reaches; ru and kk
    # agree on it at the aligned spot, so neither has changed the name
    concepts = {"Kim": "K", "Jong": "J", "Un": "U", "Ким": "K", "Чен": "J", "Ыном": "U"}
    concepts |= {"Ынмен": "U", "met": "M", "встретился": "M", "кездесті": "M"}
    source = ["Kim Jong Un met the envoy."]
    versions = {
        "ru": ["Ким Чен Ыном встретился с посланником."],
        "kk": ["Ким Чен Ынмен елші кездесті."],
        "tr": ["Kim Jong Un elçiyle görüştü."],
        "az": ["Kim Jong Un elçi ilə görüşdü."],
    }
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    assert [f for f in NA01().check_release(ctx) if f.severity.value == "warning"] == []
    versions["kk"] = ["Ким Ир Сенмен елші кездесті."]
    concepts |= {"Ир": "J", "Сенмен": "U"}
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    found = [f for f in NA01().check_release(ctx) if f.severity.value == "warning"]
    # kk's Ким Ир Сен is another man; ru's rendering then has no version to share it with
    assert "kk" in {f.lang for f in found}


def test_a_word_that_renders_another_name_of_the_link_renders_no_other():
    # Кулибалиді renders Coulibaly; it is no looser spelling of Kelly, left out in kk
    source = ["Gerrard swapped Coulibaly for Kent, but the keeper Kelly raced out to block."]
    ctx = release(
        source,
        {
            "ru": ["Джеррард заменил Кулибали на Кента, но вратарь Келли выбежал и заблокировал."],
            "kk": ["Джеррард Кулибалиді Кентке ауыстырды, бірақ қақпашы шығып, блоктады."],
            "tr": ["Gerrard, Coulibaly'yi Kent ile değiştirdi, ama kaleci Kelly çıkıp engelledi."],
        },
    )
    found = [f for f in NA01().check_release(ctx) if f.source_text == "Kelly"]
    assert [(f.lang, f.severity.value, f.target_text) for f in found] == [("kk", "warning", None)]


def test_a_name_aligned_to_a_lower_case_word_beside_another_name_is_changed():
    # the aligner pairs Hartley with 'питчер' (lower case: it would read as translated), but
    # the version puts another name beside it; a CLDR name's lower-case adjective stays a choice
    concepts = {"Hartley": "H", "питчер": "H", "Хартли": "H", "Hartli": "H", "pitcher": "P"}
    source = ["The pitcher Hartley threw well."]
    versions = {
        "ru": ["Хорошо бросал питчер Робинсон."],
        "kk": ["Питчер Хартли жақсы лақтырды."],
        "tr": ["Atıcı Hartley iyi attı."],
    }
    ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
    assert ("ru", "Hartley") in warnings(ctx)
    [f] = [f for f in NA01().check_release(ctx) if f.lang == "ru"]
    assert "rendered as 'Робинсон'" in f.message and f.target_text == "Робинсон"
    # no other name there: a dropped word, or a capitalised Russian dictionary word
    for ru in ("Хорошо бросал питчер.", "Хорошо бросал питчер Сборной."):
        versions["ru"] = [ru]
        ctx = release(source, versions, embedder=ConceptEmbedder(concepts))
        assert ("ru", "Hartley") not in warnings(ctx)


def test_a_coined_name_aligned_to_a_lower_case_word_is_not_translated():
    """A word off wordfreq's list (Hartzer) has no lower-case translation: where the aligner
    pairs it with one, the version lost it. Hartley (Zipf 3.4) may be a word it translates."""
    for name, kk, lost in (("Hartley", "Хартли", False), ("Hartzer", "Хартцер", True)):
        concepts = {name: "H", "питчер": "H", kk: "H", "pitcher": "P"}
        versions = {
            "ru": ["Хорошо бросал питчер."],
            "kk": [f"Питчер {kk} жақсы лақтырды."],
            "tr": [f"Atıcı {name} iyi attı."],
        }
        ctx = release(
            [f"The pitcher {name} threw well."], versions, embedder=ConceptEmbedder(concepts)
        )
        assert (("ru", name) in warnings(ctx)) is lost


def test_a_place_word_both_cyrillic_versions_translate_is_their_choice():
    # the Latin-script versions copy "Silicon"; ru and kk translate it (Кремниевая, Кремний)
    source = ["His book on Silicon Valley and China came out this month."]
    versions = {
        "ru": ["Его книга о Кремниевой долине и Китае вышла в этом месяце."],
        "kk": ["Оның Кремний алқабы мен Қытай туралы кітабы осы айда шықты."],
        "az": ["Onun Silicon Valley və Çin haqqında kitabı bu ay çıxdı."],
        "tr": ["Silicon Valley ve Çin hakkındaki kitabı bu ay çıktı."],
    }
    assert [w for w in warnings(release(source, versions)) if w[1] == "Silicon"] == []
    versions["kk"] = ["Оның Silicon Valley мен Қытай туралы кітабы осы айда шықты."]
    assert ("ru", "Silicon") in warnings(release(source, versions))


def test_a_capital_named_by_its_country_is_a_metonym_resolved():
    source = ["The referendum was deemed illegal by Madrid."]
    versions = {
        "kk": ["Референдумды Мадрид заңсыз деп таныды."],
        "tr": ["Referandum Madrid tarafından yasa dışı sayıldı."],
        "ru": ["Референдум был признан незаконным властями Испании."],
    }
    assert ("ru", "Madrid") not in warnings(release(source, versions))
    versions["ru"] = ["Референдум был признан незаконным."]
    assert ("ru", "Madrid") in warnings(release(source, versions))


def test_a_person_other_names_replace_in_most_versions_is_no_agreed_omission():
    # three versions put three different names where the spokesman's is; none aligns to it,
    # so the name stands between the words the neighbours are aligned to
    concepts = concepts_of(
        S=("spokesman", "Представитель", "Өкілі", "Sözcüsü", "Sözçüsi"),
        T=("told", "сообщил", "айтты", "söyledi", "aýtdy"),
        R=("reporters", "журналистам", "тілшілерге", "gazetecilere", "žurnalistlere"),
    )
    source = ["The spokesman Sutopo Nugroho told reporters."]
    versions = {
        "ru": ["Представитель Линдквист сообщил журналистам."],
        "kk": ["Өкілі Робинсон тілшілерге айтты."],
        "tr": ["Sözcüsü Jacobs gazetecilere söyledi."],
        "tk": ["Sözçüsi Sutopo Nugroho žurnalistlere aýtdy."],
    }
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder(concepts)))
    # the gap is evidence enough for the severity, not for saying what it was rendered as
    changed = {f.lang: (f.severity.value, f.target_text) for f in found}
    assert changed == {"ru": ("warning", None), "kk": ("warning", None), "tr": ("warning", None)}
    # dropped with nothing in its place while tk writes the person: still warnings
    versions.update(kk=["Өкілі тілшілерге айтты."], tr=["Sözcüsü gazetecilere söyledi."])
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder(concepts)))
    severities = {f.lang: f.severity.value for f in found}
    assert severities == {"ru": "warning", "kk": "warning", "tr": "warning"}
    # where no other version writes it, they agree (and ru's untitled name has no evidence
    # left for a warning): infos
    versions.update(tk=["Sözçüsi žurnalistlere aýtdy."])
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder(concepts)))
    severities = {f.lang: f.severity.value for f in found}
    assert severities == {"ru": "info", "kk": "info", "tr": "info", "tk": "info"}


class MeaningEmbedder(ConceptEmbedder):
    """ConceptEmbedder whose sentence vectors are bags of meanings: `meanings` may join words
    that word alignment keeps apart (a name and the words a version says it with)."""

    def __init__(self, concepts: dict[str, str], meanings: dict[str, str]):
        super().__init__(concepts)
        self.meanings = {**concepts, **meanings}

    def embed(self, texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text):
                concept = self.meanings.get(word, word)
                out[row, self.ids.setdefault(concept, len(self.ids)) % 64] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.mark.parametrize(
    "place, severity",
    [("Chelsea", "info"), ("Ibrox", "warning")],  # Ibrox, rare in English: no words say it
)
def test_a_place_word_the_target_says_in_other_words_is_a_doubt_not_a_warning(place, severity):
    concepts = concepts_of(
        G=("Gerrard", "Джеррард", "Джеррард", "Gerrard"),
        M=("manager", "тренер", "менеджері", "menajeri"),
        C=("club", "клуба", "клубының", "kulübünün"),
    )
    source = [f"Gerrard is the manager of the {place} club."]
    versions = {
        "ru": ["Джеррард тренер шотландского клуба."],
        "kk": [f"Джеррард {place} клубының менеджері."],
        "tr": [f"Gerrard {place} kulübünün menajeri."],
    }
    # the sentence vectors read шотландского as saying what the place says; no word aligns them
    embedder = MeaningEmbedder(concepts, {place: "I", "шотландского": "I"})
    found = NA01().check_release(release(source, versions, embedder=embedder))
    assert [(f.lang, f.source_text, f.severity.value) for f in found] == [("ru", place, severity)]
    # nothing in its place: the sentence is closer to the target without it, a warning
    versions["ru"] = ["Джеррард тренер клуба."]
    found = NA01().check_release(release(source, versions, embedder=embedder))
    assert [(f.lang, f.source_text, f.severity.value) for f in found] == [("ru", place, "warning")]


def test_a_tie_of_the_other_versions_leaves_a_place_to_the_sentence_evidence():
    concepts = concepts_of(
        F=("ferry", "Паром", "Паром", "feribot", "Bərə", "Parom"),
        L=("late", "опоздал", "кешікті", "gecikti", "gecikdi", "gijä"),
    )
    source = ["The ferry from Paldiski was late."]
    versions = {
        "ru": ["Паром опоздал."],
        "kk": ["Паром Палдискиден кешікті."],
        "az": ["Bərə Paldiskidən gecikdi."],
        "tr": ["feribot gecikti."],
        "tk": ["Parom gijä."],
    }
    embedder = MeaningEmbedder(concepts, {"Paldiski": "P", "Палдискиден": "P", "Paldiskidən": "P"})
    # for each version that leaves it out, two others render it and two do not: its sentence
    # lacks it, so the tie is no agreement, a warning
    found = warnings(release(source, versions, embedder=embedder))
    assert sorted(found) == [("ru", "Paldiski"), ("tk", "Paldiski"), ("tr", "Paldiski")]
    # ru saying it in words of its own ('портовый паром') makes the tie an agreement for ru
    versions["ru"] = ["Портовый паром опоздал."]
    embedder = MeaningEmbedder(
        concepts, {"Paldiski": "P", "Палдискиден": "P", "Paldiskidən": "P", "Портовый": "P"}
    )
    assert ("ru", "Paldiski") not in warnings(release(source, versions, embedder=embedder))


@pytest.mark.parametrize("place, warned", [("Paldiski", False), ("Berlin", True)])
def test_a_tie_over_a_cldr_name_is_no_agreement_to_leave_it_out(place, warned, monkeypatch):
    """Two versions render the place, two leave it out, and the sentence evidence is unsure
    (leaving the name out brings the source sentence a third of the way closer): a tie
    nothing settles. A CLDR city (Berlin) is no word translators agree to drop; any other
    place word (Paldiski) is left to the others' choice."""
    from aligncheck.checks.name import evidence

    monkeypatch.setattr(evidence, "closer_without", lambda *args: 0.3)
    source = [f"The ferry from {place} was late."]
    kk, az = {"Paldiski": ("Палдискиден", "Paldiskidən"), "Berlin": ("Берлиннен", "Berlindən")}[
        place
    ]
    versions = {
        "ru": ["Паром опоздал."],
        "kk": [f"{kk} келген паром кешікті."],
        "az": [f"{az} gələn bərə gecikdi."],
        "tr": ["Feribot gecikti."],
        "tk": ["Parom gijä galdy."],
    }
    assert (("ru", place) in warnings(release(source, versions))) is warned


def test_another_name_beside_a_neighbours_rendering_is_no_saying_in_other_words():
    # "Apple" aligns to nothing in tk, and its neighbours' renderings cross ("before" is said
    # first), so there is no gap between them: the name beside "and"'s rendering stands there
    concepts = concepts_of(
        W=("worked", "работал", "істеді", "çalıştı", "işledi"),
        G=("Google", "Google", "Google", "Google", "Google"),
        N=("and", "и", "және", "ve", "we"),
        B=("before", "прежде", "бұрын", "önce", "Ozal"),
    )
    source = ["He worked for Google and Apple before."]
    versions = {
        "ru": ["Он работал в Google и Apple прежде."],
        "kk": ["Ол Google және Apple бұрын істеді."],
        "tr": ["Google ve Apple için önce çalıştı."],
        "tk": ["Ozal ol Google we Leslie üçin işledi."],
    }
    # the sentence vectors read Leslie as saying what Apple says (the doubt row's test)
    embedder = MeaningEmbedder(concepts, {"Apple": "A", "Leslie": "A"})
    found = NA01().check_release(release(source, versions, embedder=embedder))
    assert [(f.lang, f.source_text, f.severity.value) for f in found] == [
        ("tk", "Apple", "warning")
    ]
    # a word of a capitalised run: beside its neighbour's rendering stands the rest of the
    # run's translation ("Robot Mücadelesi"), no other name
    concepts.update({"Robotics": "R", "Robot": "R"})
    source = ["He worked for the Robotics Challenge before."]
    versions = {
        "ru": ["Он работал в Robotics Challenge прежде."],
        "kk": ["Ол Robotics Challenge бұрын істеді."],
        "tr": ["Ozal ol Robot Mücadelesi için çalıştı."],
    }
    embedder = MeaningEmbedder(concepts, {"Challenge": "C", "Mücadelesi": "C"})
    found = NA01().check_release(release(source, versions, embedder=embedder))
    assert ("tr", "Challenge") not in [
        (f.lang, f.source_text) for f in found if f.severity.value == "warning"
    ]


def test_a_name_the_matcher_would_not_take_for_the_missing_one_is_another_name():
    # Trumpdan shares letters with Thomas (key similarity over 0.6, under the matcher's 0.8):
    # it stands where Thomas was, not a spelling of him
    concepts = concepts_of(
        S=("Spieth", "Спит", "Spieth"),
        A=("and", "и", "bilen"),
        P=("played", "сыграли", "oýnadylar"),
        W=("well", "хорошо", "gowy"),
    )
    source = ["Spieth and Thomas played well."]
    versions = {
        "ru": ["Спит и Томас сыграли хорошо."],
        "kk": ["Спит пен Томас жақсы ойнады."],
        "tk": ["Spieth bilen Trumpdan gowy oýnadylar."],
    }
    embedder = MeaningEmbedder(concepts, {"Thomas": "T", "Trumpdan": "T"})
    found = NA01().check_release(release(source, versions, embedder=embedder))
    assert [(f.lang, f.source_text, f.severity.value) for f in found] == [
        ("tk", "Thomas", "warning")
    ]


def test_a_kept_first_name_beside_another_surname_is_a_changed_name():
    concepts = concepts_of(
        C=("coach", "Тренер", "Жаттықтырушы", "Teknik", "Tälimçi"),
        P=("praised", "похвалил", "мақтады", "övdü", "öwdi"),
        T=("team", "команду", "команданы", "takımı", "topary"),
    )
    source = ["The coach Dennis McCarthy praised the team."]
    versions = {
        "ru": ["Тренер Деннис Маккарти похвалил команду."],
        "kk": ["Жаттықтырушы Деннис Маккарти команданы мақтады."],
        "tr": ["Teknik Dennis McCarthy takımı övdü."],
        "tk": ["Tälimçi Dennis Lee topary öwdi."],
    }
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder(concepts)))
    assert [(f.lang, f.source_text, f.severity.value) for f in found] == [
        ("tk", "Dennis McCarthy", "warning")
    ]
    assert "rendered as 'Dennis Lee'" in found[0].message


def test_a_russian_common_word_beside_a_kept_name_word_translates_the_rest():
    concepts = {"Use": "U", "Используйте": "U", "Kullanın": "U", "here": "H", "здесь": "H"}
    concepts |= {"burada": "H"}
    source = ["Use Acme Dependencies here."]
    versions = {
        "ru": ["Используйте Зависимости Acme здесь."],
        "tr": ["Kullanın Acme Dependencies burada."],
    }
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder(concepts)))
    assert [f for f in found if f.severity.value == "warning"] == []


def test_a_word_only_ever_starting_a_sentence_is_a_name_when_most_versions_write_it_as_one():
    from aligncheck.extract.name_match import evidence_across

    source = ["Lindqvist spoke first, the minutes say."]
    versions = {
        "ru": ["Первым, согласно протоколу, выступил Линдквист."],
        "kk": ["Хаттамаға сәйкес алдымен Линдквист сөйледі."],
        "tr": ["Tutanağa göre ilk konuşan Lindqvist oldu."],
    }
    assert "Lindqvist" in evidence_across(release(source, versions).pairs).capitalised
    assert warnings(release(source, versions)) == []
    dropped = dict(versions, kk=["Хаттамаға сәйкес алдымен бір адам сөйледі."])
    assert warnings(release(source, dropped)) == [("kk", "Lindqvist")]
    # a word the versions write only as another source name's rendering is no evidence
    source = ["Kristie spoke first, said Kristi."]
    versions = {
        "ru": ["Первым выступил, по словам Кристи, он сам."],
        "kk": ["Алдымен сөйлеген, дейді Кристи, өзі еді."],
        "tr": ["İlk konuşan, dedi Kristi, kendisiydi."],
    }
    assert "Kristie" not in evidence_across(release(source, versions).pairs).capitalised


def test_each_part_of_a_hyphenated_name_is_its_word():
    from types import SimpleNamespace

    from aligncheck.checks.name.evidence import Case

    def case(name, source, target_lang):
        o = SimpleNamespace(
            mention=SimpleNamespace(text=name),
            source=SimpleNamespace(text=source),
            target=SimpleNamespace(lang=target_lang),
        )
        ctx = SimpleNamespace(source=SimpleNamespace(lang="en"), remember=lambda k, make: make())
        return Case(ctx, o, False, False, 0, 0)

    summit = case("Kim-Trump", "a second Kim-Trump summit", "ru")
    assert not summit._foreign("Трампом")  # Trump, inflected
    assert summit._foreign("Линдквистом")  # no part of it, nor of the source
    assert not summit._foreign("и")  # a lower-case word is no name


def test_repeated_mentions_take_distinct_renderings():
    # two later mentions of the Rockies must not both claim the first 'Рокиз', leaving the
    # second free to pass for the rendering of the Colorado Rockies that ru changed
    source = [
        "He pitches against the Colorado Rockies, if the Rockies still need it. The Rockies won."
    ]
    versions = {
        "ru": ["Он выйдет против «Молинари», если «Рокиз» это нужно. «Рокиз» выиграли."],
        "kk": [
            "Ол «Колорадо Рокиз» командасына қарсы шығады, егер «Рокиз» қажет болса. «Рокиз» жеңді."
        ],
        "tr": ["Colorado Rockies'e karşı atacak, Rockies'in ihtiyacı varsa. Rockies kazandı."],
    }
    found = NA01().check_release(release(source, versions, embedder=ConceptEmbedder({})))
    assert ("ru", "Colorado Rockies", "warning") in [
        (f.lang, f.source_text, f.severity.value) for f in found
    ]


def test_a_coined_name_kept_only_by_its_common_head_is_left_out():
    """Wesbanco is on no English word list and Arena is a common word: a version writing only
    'Arena' has left the name out, as a surname alone would not have (Trump for Donald Trump)."""
    source = ["The rally at the Wesbanco Arena drew thousands of people."]
    ctx = release(
        source,
        {
            "ru": ["Митинг в Arena собрал тысячи людей."],
            "kk": ["Wesbanco Arena митингіне мыңдаған адам келді."],
            "tr": ["Wesbanco Arena'daki miting binlerce kişiyi topladı."],
        },
    )
    assert warnings(ctx) == [("ru", "Wesbanco Arena")]
    kept = release(
        source,
        {
            "ru": ["Митинг в Wesbanco Arena собрал тысячи людей."],
            "kk": ["Wesbanco Arena митингіне мыңдаған адам келді."],
            "tr": ["Wesbanco Arena'daki miting binlerce kişiyi topladı."],
        },
    )
    assert warnings(kept) == []


def test_a_coined_name_is_named_by_its_coined_words_a_person_by_all():
    from aligncheck.extract.name_match import naming_words
    from aligncheck.extract.names import NameMention

    assert naming_words(NameMention("Wesbanco Arena", 4, 18, "name"), "en") == NameMention(
        "Wesbanco", 4, 12, "name"
    )
    for whole in (NameMention("Jon Snow", 0, 8, "name"), NameMention("Wesbanco", 0, 8, "proper")):
        assert naming_words(whole, "en") == whole
    assert (
        naming_words(NameMention("Dolly Wesbanco", 0, 14, "person"), "en").text == "Dolly Wesbanco"
    )


def test_a_first_name_spelled_loosely_is_no_looser_spelling_of_the_full_name():
    """Gerard-ın is like Gary, and nothing spells Holt: Gary Holt is left out in az, not
    spelled otherwise (the warning); Holtun there is a looser spelling of him."""
    concepts = concepts_of(
        G=("Gary", "Гэри", "Gerard", "Gari"),
        H=("Holt", "Холт", "Holtun"),
        P=("praised", "похвалил", "övdü", "təriflədi"),
        T=("team", "команду", "takımı", "komandanı"),
    )
    source = ["The manager Gary Holt praised the team."]
    versions = {
        "ru": ["Менеджер Гэри Холт похвалил команду."],
        "tr": ["Teknik direktör Gary Holt takımı övdü."],
        "tk": ["Tälimçi Gary Holt topary öwdi."],
        "az": ["Menecer Gerard-ın komandanı təriflədi."],
    }
    assert ("az", "Gary Holt") in warnings(
        release(source, versions, embedder=ConceptEmbedder(concepts))
    )
    versions["az"] = ["Menecer Gari Holtun komandanı təriflədi."]
    assert ("az", "Gary Holt") not in warnings(
        release(source, versions, embedder=ConceptEmbedder(concepts))
    )
