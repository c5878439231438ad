"""Renderings of common acronyms and country short forms that translations localise or expand.

Used by the name rules so that UN = ООН = BMT does not read as a lost acronym. Project
glossaries override nothing here; they only add.
"""

from __future__ import annotations

from functools import cache

from aligncheck.glossary.entries import Glossary
from aligncheck.glossary.reader import parse_table

# A backslash at a line end continues the row: long rows give a language per line.
COMMON_TSV = """\
en\tru\tkk\taz\ttk\ttr\tkind
UN\
\tООН | Организация Объединённых Наций | Организация Объединенных Наций\
\tБҰҰ | Біріккен Ұлттар Ұйымы\
\tBMT | Birləşmiş Millətlər Təşkilatı\
\tBMG | Birleşen Milletler Guramasy\
\tBM | BMT | Birleşmiş Milletler\tacronym
EU\
\tЕС | Евросоюз | Европейский союз\
\tЕО | Еуропалық Одақ\
\tAİ | Avropa İttifaqı\
\tÝB | Ýewropa Bileleşigi\
\tAB | Avrupa Birliği\tacronym
US | USA\
\tСША | Соединённые Штаты | Соединенные Штаты | Америка\
\tАҚШ | Америка\
\tABŞ | Amerika\
\tABŞ | Amerika\
\tABD | Amerika\tacronym
UK\
\tВеликобритания | Соединённое Королевство | Соединенное Королевство\
\tҰлыбритания | Біріккен Корольдік\
\tBöyük Britaniya | Birləşmiş Krallıq\
\tBeýik Britaniýa | Birleşen Patyşalyk\
\tBirleşik Krallık | İngiltere | Britanya\tacronym
NATO\tНАТО\tНАТО\tNATO\tNATO\tNATO\tacronym
WHO\
\tВОЗ | Всемирная организация здравоохранения\
\tДДСҰ | Дүниежүзілік денсаулық сақтау ұйымы\
\tÜST | Ümumdünya Səhiyyə Təşkilatı\
\tBSGG | Bütindünýä saglygy goraýyş guramasy\
\tDSÖ | Dünya Sağlık Örgütü\tacronym
OSCE\tОБСЕ\tЕҚЫҰ\tATƏT\tÝHHG\tAGİT\tacronym
IMF\
\tМВФ | Международный валютный фонд\
\tХВҚ | Халықаралық валюта қоры\
\tBVF | Beynəlxalq Valyuta Fondu\
\tHPG | Halkara pul gaznasy\
\tIMF | Uluslararası Para Fonu\tacronym
UNDP\tПРООН\tБҰҰДБ\tBMTİP\tBMGÖM\tUNDP\tacronym
WTO\tВТО\tДСҰ\tÜTT\tBSG\tDTÖ\tacronym
GDP\tВВП\tЖІӨ\tÜDM\tJIÖ\tGSYİH\tacronym
CEO\
\tгендиректор | генеральный директор | глава | руководитель\
\tбас директор | басшы\
\tbaş icraçı direktor | rəhbər\
\tbaş direktor | ýolbaşçy\
\tCEO | genel müdür | icra kurulu başkanı\tacronym
MP | MPs\
\tдепутат | член парламента\
\tдепутат\
\tdeputat | parlament üzvü\
\tdeputat | parlament agzasy\
\tmilletvekili | vekil\tacronym
BBC\tBBC | Би-би-си\tBBC | Би-би-си\tBBC\tBBC\tBBC\tacronym
"""


@cache
def common_glossary() -> Glossary:
    return parse_table(COMMON_TSV, "<built-in common acronyms>", "\t")
