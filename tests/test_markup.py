from factories import pair

from aligncheck.checks.markup.MK01 import MK01
from aligncheck.extract.markup import markers


def messages(source: str, target: str, lang: str = "ru", **options) -> list[str]:
    return sorted(f.message for f in MK01().check(pair(source, target, lang, **options)))


def test_quote_styles_are_equivalent_across_languages():
    source = 'The “Green Steppe” plan and the "Blue Lake" fund.'
    assert messages(source, "План «Зелёная степь» и фонд „Синее озеро“.") == []
    assert messages(source, "«Жасыл дала» жоспары мен “Көк көл“ қоры.", "kk") == []


def test_unbalanced_quote_is_reported_at_the_stray_mark():
    ctx = pair("He said “yes” twice.", "Он сказал «да дважды.")
    [f] = list(MK01().check(ctx))
    assert f.message == "unbalanced quotes in the target"
    assert ctx.target.segments[0].text[f.target_span.start] == "«"


def test_apostrophes_are_not_quotes():
    assert messages("Ankara's 'old' town", "Ankara'nın 'eski' şehri", "tr") == []
    assert markers("Türkiye'nin O'Neil")["quotes"] == []


def test_bold_lost_in_target():
    assert messages("The **new** plan.", "**Новый план.") == ["unbalanced bold in the target"]
    assert messages("The **new** plan.", "Новый план.") == [
        "bold markup count differs: 2 in the source, 0 in the target"
    ]


def test_bold_closed_as_italic_is_one_finding():
    assert messages("The **Green Steppe** plan.", "План **Зелёная степь*.") == [
        "unbalanced emphasis (** and * do not pair up) in the target"
    ]


def test_italic_and_links_counted_but_not_bullets_or_snake_case():
    assert messages("* The *Green* plan, see file_name.", "* План *Зелёный*, см. file_name.") == []
    assert messages("The *Green* plan.", "План Зелёный.") == [
        "italic markup count differs: 2 in the source, 0 in the target"
    ]
    assert messages("The *Green* plan.", "План «Зелёный».") == []
    assert messages("See [the plan](https://x.org/p).", "См. план https://x.org/p.") == [
        "link markup count differs: 1 in the source, 0 in the target"
    ]


def test_brackets_balance_but_added_brackets_are_allowed_by_default():
    assert messages("The UN fund grew.", "Фонд ООН (ЮНФ) вырос.") == []
    assert messages("The fund (UNF) grew.", "Фонд (ЮНФ вырос.") == [
        "unbalanced parentheses in the target"
    ]
    assert messages("The fund (UNF) grew.", "Фонд ЮНФ) вырос.") == [
        "unbalanced parentheses in the target"
    ]
    assert messages("The fund grew.", "Фонд (ЮНФ) вырос.", markup_count_kinds=["parentheses"]) == [
        "parentheses markup count differs: 0 in the source, 2 in the target"
    ]


def test_urls_with_underscores_and_brackets_do_not_count():
    assert messages("See https://x.org/a_(b) now.", "См. https://x.org/a_(b) сейчас.") == []


def test_mixed_quote_styles_in_one_target_pair_up():
    source = 'The "Rosa" storm hit "Phoenix" and the “Blue Lake” fund.'
    assert messages(source, '«Rosa" qasırğası „Finiks“ və ”Mavi göl” fondu.', "az") == []
    assert messages(source, "«Rosa“ qasırğası ‹Finiks› və «Mavi göl» fondu.", "az") == []
    assert messages(source, "»Rosa« stormen ramte »Phoenix«.", "da") == []


def test_quotes_added_or_dropped_around_a_title_are_no_warning():
    assert messages('The "Rosa" storm hit Phoenix.', "Rosa qasırğası Finiksi vurdu.", "az") == []
    assert messages("The Rosa storm hit Phoenix.", "«Roza» tufanı Finiksə çatdı.", "az") == []


def test_really_unbalanced_quotes_are_still_found_whatever_the_style():
    source = 'The "Rosa" storm hit "Phoenix".'
    for target, severity in (
        ("«Rosa« qasırğası Finiksi vurdu.", "warning"),  # « never closes «
        ("«Rosa» qasırğası «Finiksi vurdu.", "warning"),  # a guillemet left open
        ('„Rosa qasırğası "Finiksi" vurdu.', "info"),  # one mark too few
        ("Rosa qasırğası” “Finiksi” vurdu.", "info"),
    ):
        [f] = list(MK01().check(pair(source, target, "az")))
        assert (f.message, f.severity.value) == ("unbalanced quotes in the target", severity), (
            target
        )


def test_quotes_of_a_balanced_source_only():
    # the source itself leaves a quote open (a quotation running on into the next paragraph)
    assert messages('He said: "We will stay.', "O dedi: «Biz qalacağıq.", "az") == []
