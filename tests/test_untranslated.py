from factories import pair

from aligncheck.checks.untranslated.UT01 import UT01, letters_support, prose

SOURCE = (
    "The regional council approved a new plan to clean the rivers of the steppe, and the work "
    "will begin in the spring after the snow has melted."
)
TRANSLATIONS = {
    "ru": "Областной совет одобрил новый план очистки степных рек, и работы начнутся весной, "
    "когда сойдёт снег.",
    "kk": "Облыстық кеңес дала өзендерін тазартудың жаңа жоспарын мақұлдады, жұмыс көктемде қар "
    "ерігеннен кейін басталады.",
    "az": "Regional şura çöl çaylarının təmizlənməsi üçün yeni planı təsdiqləyib, işlər yazda qar "
    "əriyəndən sonra başlayacaq.",
    "tr": "Bölge meclisi bozkır nehirlerini temizlemek için yeni bir planı onayladı ve çalışmalar "
    "ilkbaharda karlar eridikten sonra başlayacak.",
    "tk": "Sebit geňeşi meýdan derýalaryny arassalamak boýunça täze meýilnamany tassyklady, işler "
    "ýazda gar ereninden soň başlanar.",
}


def check(target: str, lang: str, source: str = SOURCE) -> list[str]:
    return [f.message for f in UT01().check(pair(source, target, lang))]


def test_real_translations_pass():
    for lang, text in TRANSLATIONS.items():
        assert check(text, lang) == [], lang


def test_copy_of_the_source_is_reported():
    for lang in TRANSLATIONS:
        assert check(SOURCE, lang) == ["target is identical to the source"], lang


def test_english_left_in_place_and_neighbour_language_pasted():
    english = "The council said the plan is ready and the money will come from the regional budget."
    assert "written in en (the source language)" in check(english, "kk")[0]
    pairs = [("kk", "ru"), ("ru", "kk"), ("az", "tr"), ("tr", "az"), ("tk", "tr")]
    for lang, wrong in pairs:
        [message] = check(TRANSLATIONS[wrong], lang)
        assert f"written in {wrong} (a third language)" in message, (lang, wrong)


def test_names_numbers_and_links_alone_are_not_untranslated():
    source = (
        "Contact: Aigerim Bekova, UNDP, aigerim.bekova@example.org, www.example.org, "
        "+7 701 555 0101"
    )
    assert check(source, "ru", source) == []
    assert prose("Aigerim Bekova (UNDP) www.example.org said", source) == "said"


def test_letters_decide_between_close_languages():
    assert letters_support("Ол қазақша жазылған мәтін", "kk", "ru")
    assert not letters_support("Это написано по-русски", "kk", "ru")
    assert letters_support(
        "bu metin türkçe yazılmıştır ve içinde hiç ters e harfi yoktur, tamamen öyle kalacak",
        "tr",
        "az",
    )
