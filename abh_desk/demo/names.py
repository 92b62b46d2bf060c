"""Name, place and title pools for the demo data (Demodaten), as data.

The nationalities an Ausländerbehörde in Baden-Württemberg sees, with names in their real Latin
spelling (Şahin, Nguyễn, Țurcanu, Wiśniewski, Đorđević) and birth places as passports write them.
Everything here passes ``names.check_name`` (tested). Nationality codes are those of
``countries.nationalities()``: Kosovo has no code there, so Albanian names go with ALB and MKD.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class TitleProfile:
    """One kind of residence title a group of persons typically holds."""

    kind: str
    legal_basis: str
    weight: int
    conditions: str | None = None


@dataclass(frozen=True)
class NationalityPool:
    nationality: str
    weight: int
    family_names: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]
    birth_places: tuple[str, ...]
    #: family name → its female form (Wiśniewski → Wiśniewska, Singh → Kaur)
    female_family: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    female_share: float = 0.5
    #: share of birth dates of which only the year is known, and of those recorded as 1 January
    year_only_share: float = 0.005
    new_year_share: float = 0.0
    #: the person's story (a key of TITLE_PROFILES and PARAGRAPH_GROUPS) with weights; empty:
    #: free movement (EU, EEA, Switzerland), no residence title needed
    titles: tuple[tuple[str, int], ...] = ()
    passport_prefix: str = ""

    @property
    def free_movement(self) -> bool:
        """EU/EEA and Swiss citizens need no residence title (Freizügigkeit)."""
        return not self.titles


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


_EMPLOYED = "Erwerbstätigkeit erlaubt."

TITLE_PROFILES: Mapping[str, tuple[TitleProfile, ...]] = MappingProxyType(
    {
        "humanitaer": (
            TitleProfile("Aufenthaltserlaubnis", "§ 25 Abs. 2 AufenthG", 40, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 25 Abs. 1 AufenthG", 6, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 25 Abs. 3 AufenthG", 10, _EMPLOYED),
            TitleProfile(
                "Aufenthaltserlaubnis",
                "§ 25 Abs. 5 AufenthG",
                5,
                "Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet.",
            ),
            TitleProfile("Aufenthaltserlaubnis", "§ 25b AufenthG", 4, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 104c AufenthG", 6, _EMPLOYED),
            TitleProfile("Niederlassungserlaubnis", "§ 26 Abs. 3 AufenthG", 14),
            TitleProfile(
                "Aufenthaltserlaubnis", "§ 25 Abs. 2 AufenthG", 5, "Wohnsitzauflage nach § 12a AufenthG: Singen."
            ),
        ),
        "schutz_ukraine": (
            TitleProfile("Aufenthaltserlaubnis", "§ 24 AufenthG", 85, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 18a AufenthG", 5, _EMPLOYED),
            TitleProfile(
                "Aufenthaltserlaubnis",
                "§ 16b AufenthG",
                4,
                "Beschäftigung bis zu 140 ganze oder 280 halbe Tage im Jahr sowie studentische Nebentätigkeit erlaubt.",
            ),
            TitleProfile("Aufenthaltserlaubnis", "§ 30 AufenthG", 6, _EMPLOYED),
        ),
        "fachkraft": (
            TitleProfile("Blaue Karte EU", "§ 18g AufenthG", 30, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 18b AufenthG", 20, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 18a AufenthG", 10, _EMPLOYED),
            TitleProfile("ICT-Karte", "§ 19 AufenthG", 4, "Beschäftigung nur beim entsendenden Unternehmen."),
            TitleProfile("Aufenthaltserlaubnis", "§ 19c AufenthG", 6, _EMPLOYED),
            TitleProfile("Niederlassungserlaubnis", "§ 18c AufenthG", 10),
            TitleProfile("Visum", "§ 6 Abs. 3 AufenthG", 6),
        ),
        "studium": (
            TitleProfile(
                "Aufenthaltserlaubnis",
                "§ 16b AufenthG",
                60,
                "Beschäftigung bis zu 140 ganze oder 280 halbe Tage im Jahr sowie studentische Nebentätigkeit erlaubt.",
            ),
            TitleProfile("Aufenthaltserlaubnis", "§ 16a AufenthG", 15, "Beschäftigung nur im Rahmen der Ausbildung."),
            TitleProfile("Aufenthaltserlaubnis", "§ 20 AufenthG", 8, _EMPLOYED),
            TitleProfile("Visum", "§ 6 Abs. 3 AufenthG", 8),
        ),
        "familie": (
            TitleProfile("Aufenthaltserlaubnis", "§ 30 AufenthG", 28, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 28 Abs. 1 AufenthG", 14, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 32 AufenthG", 12, _EMPLOYED),
            TitleProfile("Aufenthaltserlaubnis", "§ 21 AufenthG", 4, "Selbständige Tätigkeit erlaubt."),
            TitleProfile("Niederlassungserlaubnis", "§ 9 AufenthG", 20),
            TitleProfile("Niederlassungserlaubnis", "§ 28 Abs. 2 AufenthG", 5),
            TitleProfile("Erlaubnis zum Daueraufenthalt-EU", "§ 9a AufenthG", 10),
            TitleProfile("Visum", "§ 6 Abs. 3 AufenthG", 4),
        ),
    }
)

#: Paragraphs of the AufenthG that belong to each story: a catalogue procedure citing one of them is
#: likely for persons of that story. Procedures citing none (Verpflichtungserklärung, lost card,
#: travel document …) are open to everyone, less often.
PARAGRAPH_GROUPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "humanitaer": frozenset(_names("12a, 19d, 22, 23, 23a, 25, 25a, 25b, 26, 60a, 60b, 60c, 60d, 104c")),
        "schutz_ukraine": frozenset(_names("12a, 24")),
        "fachkraft": frozenset(_names("9, 9a, 18, 18a, 18b, 18c, 18d, 18e, 18f, 18g, 19, 19a, 19b, 19c, 20, 21, 81a")),
        "studium": frozenset(_names("16, 16a, 16b, 16c, 16d, 16e, 16f, 17, 20")),
        "familie": frozenset(_names("9, 9a, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 36a")),
    }
)
#: Procedures whose name contains the key are only for these nationalities.
RESERVED_PROCEDURES: Mapping[str, frozenset[str]] = MappingProxyType({"Schweiz": frozenset({"CHE"})})
#: Procedures whose name contains the key only fit an applicant of this age (from, to).
AGE_LIMITS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "Au-pair": (18, 26),
        "Studierende": (17, 45),
        "Schüler": (10, 20),
        "Ausbildung": (16, 35),
        # Work and its preparation are for adults (no child of five in a § 16d or § 20 procedure).
        "Qualifizierungsmaßnahme": (18, 55),
        "Arbeitsplatzsuche": (18, 60),
        "Beschäftigung": (18, 67),
        "Blaue Karte": (21, 67),
        "Forschung": (22, 70),
        "selbständig": (18, 75),
        "Fachkräfte": (18, 67),
        "Verpflichtungserklärung": (18, 85),
    }
)
#: A granted procedure whose ``titel`` contains one of these gives a document, not a residence status.
NOT_A_STATUS = ("Reiseausweis", "eAT")
#: Validity in months (shortest, longest) by title kind; others 12 to 36.
KIND_MONTHS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "Visum": (3, 12),
        "Duldung": (3, 6),
        "Fiktionsbescheinigung": (3, 3),
        "Blaue Karte EU": (24, 48),
    }
)

#: Title kinds without an end date.
UNLIMITED_KINDS = frozenset({"Niederlassungserlaubnis", "Erlaubnis zum Daueraufenthalt-EU"})
#: Title kinds issued as an eAT card (with a card serial number).
CARD_KINDS = frozenset(
    {
        "Aufenthaltserlaubnis",
        "Blaue Karte EU",
        "ICT-Karte",
        "Niederlassungserlaubnis",
        "Erlaubnis zum Daueraufenthalt-EU",
    }
)
FICTION_KIND = "Fiktionsbescheinigung"
FICTION_LEGAL_BASIS = "§ 81 Abs. 4 AufenthG"


_TURKISH_FAMILY = _names(
    "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, "
    "Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Güneş, Erdem, Aktaş, Korkmaz, "
    "Karaca, Uçar, Bulut, Avcı, Tekin, Keskin, Ünal, Gündoğdu, Tunç, Akgül"
)
_ARABIC_FAMILY = _names(
    "Al-Hassan, Alkhatib, Al-Ahmad, Alali, Al-Hussein, Al-Masri, Alshami, Al-Omar, Aldaher, "
    "Al-Abdullah, Alnajjar, Al-Rifai, Alkurdi, Al-Hamoud, Alzoubi, Haddad, Khalil, Ibrahim, Hamdan, "
    "Darwish, Mansour, Nasser, Saleh, Youssef, Qasim, Hammoud, Othman, Mahmoud, Hussein, Aziz, Abdo, "
    "Bakri, Sulaiman, Hasso, Sheikho, Issa, Kanaan, Zaher"
)
_ARABIC_MALE = _names(
    "Mohammad, Ahmad, Mahmoud, Omar, Khaled, Yousef, Hussam, Abdulrahman, Mohamad Ali, Amjad, Rami, "
    "Bilal, Fadi, Samer, Tarek, Ziad, Hassan, Ibrahim, Mustafa, Anas, Wael, Jihad"
)
_ARABIC_FEMALE = _names(
    "Fatima, Aisha, Rasha, Hiba, Lina, Rana, Nour, Amal, Huda, Ghada, Yasmin, Reem, Dalia, Heba, "
    "Sara, Maryam, Rahaf, Bayan, Alaa, Ruba"
)
_IRAQI_FAMILY = _names(
    "Al-Jabouri, Al-Tamimi, Al-Obaidi, Al-Saadi, Aldulaimi, Alazzawi, Kadhim, Jasim, Hamza, Abbas, "
    "Hasan, Mustafa, Rashid, Karim, Salih, Aziz, Khalaf, Murad, Qasim, Haji, Ismail, Sulaiman"
)
_AFGHAN_FAMILY = _names(
    "Ahmadi, Mohammadi, Haidari, Alizadeh, Rahimi, Hosseini, Sultani, Azizi, Karimi, Noori, Sediqi, "
    "Rezaei, Stanikzai, Popal, Wardak, Safi, Amiri, Habibi, Jafari, Nazari, Hakimi, Alokozay, Alami, "
    "Akbari, Sharifi, Hamidi, Alakozai, Mohammadzai, Samadi, Yousufzai"
)
_IRANIAN_FAMILY = _names(
    "Hosseini, Mohammadi, Rezaei, Moradi, Ahmadi, Karimi, Jafari, Rahimi, Kazemi, Hashemi, Alavi, "
    "Tehrani, Rostami, Ghorbani, Sadeghi, Najafi, Alizadeh, Bagheri, Azadi, Farahani, Ebrahimi"
)
_ALBANIAN_FAMILY = _names(
    "Krasniqi, Berisha, Gashi, Morina, Hoxha, Shala, Kelmendi, Bytyqi, Hasani, Rexhepi, Ahmeti, "
    "Osmani, Kryeziu, Zeqiri, Sylejmani, Islami, Halili, Dervishi, Çela, Leka, Zenelaj, Gjoni, "
    "Aliu, Alimi"
)
_ALBANIAN_MALE = _names(
    "Arben, Besnik, Driton, Fatmir, Agim, Blerim, Valon, Ilir, Arianit, Florent, Leutrim, Granit, "
    "Burim, Kushtrim, Shpëtim, Gëzim, Lulzim, Ardit"
)
_ALBANIAN_FEMALE = _names(
    "Arta, Blerta, Drita, Fatime, Mimoza, Teuta, Valbona, Vjosa, Shqipe, Albulena, Lirije, Edona, "
    "Besa, Hana, Ermira, Lumnije, Qëndresa, Vlora"
)
_ROMANIAN_FAMILY = _names(
    "Popescu, Ionescu, Popa, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, Munteanu, "
    "Constantin, Ștefan, Țurcanu, Lungu, Moldovan, Bălan, Năstase, Cristea, Mureșan, Dobre, Toma, "
    "Sârbu, Grosu, Cebotari, Rotaru, Țîrdea"
)
_ROMANIAN_MALE = _names(
    "Andrei, Alexandru, Ionuț, Mihai, Ștefan, Gheorghe, Vasile, Constantin, Florin, Bogdan, Cătălin, "
    "Răzvan, Ion, Adrian, Sergiu, Vlad"
)
_ROMANIAN_FEMALE = _names(
    "Maria, Elena, Ioana, Andreea, Mihaela, Cristina, Alexandra, Ana-Maria, Gabriela, Ionela, "
    "Mădălina, Florentina, Ecaterina, Doina, Tatiana, Corina"
)
_GERMAN_FAMILY = _names(
    "Müller, Mueller, Schäfer, Schaefer, Weiß, Weiss, Jäger, Jaeger, Huber, Gruber, Wagner, Moser, "
    "Brunner, Meier, Frei, Baumann, Strauß, Böhm, Boehm, Hofer, Steiner, Bachmann"
)
_GERMAN_MALE = _names("Lukas, Andreas, Thomas, Stefan, Matthias, Jonas, Reto, Urs, Florian, Jürgen, Simon")
_GERMAN_FEMALE = _names("Anna, Sabine, Katharina, Johanna, Regula, Ursula, Lea, Nicole, Theresa, Jolanda")

POOLS: tuple[NationalityPool, ...] = (
    NationalityPool(
        "TUR",
        18,
        _TURKISH_FAMILY,
        _names(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat, "
            "Ömer, Emre, Burak, Mehmet Ali, Serkan, Çağlar, Oğuz, Gökhan, Barış"
        ),
        _names(
            "Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Sultan, Hülya, Özlem, "
            "Gülşen, Büşra, Esra, Derya, Gökçe, Nurcan, Şükran"
        ),
        _names(
            "İstanbul, Ankara, İzmir, Gaziantep, Diyarbakır, Kayseri, Konya, Trabzon, Şanlıurfa, "
            "Mardin, Adana, Erzurum, Sivas, Yozgat, Kahramanmaraş, Muş, Tokat"
        ),
        titles=(("familie", 70), ("fachkraft", 15), ("studium", 10), ("humanitaer", 5)),
        passport_prefix="U",
    ),
    NationalityPool(
        "SYR",
        11,
        _ARABIC_FAMILY,
        _ARABIC_MALE,
        _ARABIC_FEMALE,
        _names(
            "Aleppo, Damascus, Homs, Hama, Idlib, Latakia, Deir ez-Zor, Qamishli, Al-Hasakah, "
            "Daraa, Afrin, Raqqa, Kobani, Manbij"
        ),
        female_share=0.42,
        year_only_share=0.03,
        new_year_share=0.1,
        titles=(("humanitaer", 80), ("familie", 15), ("studium", 5)),
        passport_prefix="N",
    ),
    NationalityPool(
        "XXA",
        1,
        _ARABIC_FAMILY,
        _ARABIC_MALE,
        _ARABIC_FEMALE,
        _names("Yarmouk, Damascus, Beirut, Sidon, Aleppo, Homs, Nahr al-Bared"),
        year_only_share=0.05,
        titles=(("humanitaer", 100),),
        passport_prefix="",
    ),
    NationalityPool(
        "IRQ",
        5,
        _IRAQI_FAMILY,
        _names(
            "Ali, Hussein, Abbas, Haider, Mustafa, Ahmed, Karrar, Mohammed, Zaid, Muntadher, "
            "Dilshad, Shvan, Rebaz, Khidr"
        ),
        _names(
            "Zainab, Fatima, Noor, Ruqaya, Shahad, Maryam, Sara, Hawraa, Dilan, Nareen, Jiyan, Shilan, Nadia, Layla"
        ),
        _names("Baghdad, Mosul, Erbil, Sulaymaniyah, Kirkuk, Basra, Duhok, Sinjar, Najaf, Karbala, Zakho, Shekhan"),
        female_share=0.42,
        year_only_share=0.03,
        new_year_share=0.1,
        titles=(("humanitaer", 80), ("familie", 20)),
        passport_prefix="A",
    ),
    NationalityPool(
        "AFG",
        6,
        _AFGHAN_FAMILY,
        _names(
            "Mohammad, Ahmad, Ali, Mustafa, Hamid, Farid, Ahmad Shah, Mohammad Nabi, Rahmatullah, "
            "Zabihullah, Naqibullah, Sayed, Javid, Hamidullah, Mortaza, Reza, Ali Reza, Sohrab"
        ),
        _names(
            "Fatima, Maryam, Zahra, Sakina, Nargis, Zarghuna, Mursal, Parwana, Shabnam, Marwa, "
            "Freshta, Mahbooba, Soraya, Roya, Khadija, Nilofar, Masooma"
        ),
        _names(
            "Kabul, Herat, Mazar-i-Sharif, Kandahar, Jalalabad, Ghazni, Kunduz, Bamyan, Baghlan, "
            "Parwan, Maidan Wardak, Daikundi"
        ),
        female_share=0.35,
        year_only_share=0.12,
        new_year_share=0.35,
        titles=(("humanitaer", 90), ("familie", 10)),
        passport_prefix="P",
    ),
    NationalityPool(
        "IRN",
        3,
        _IRANIAN_FAMILY,
        _names(
            "Reza, Mohammad, Ali, Hossein, Mehdi, Amir, Saeed, Hamid, Arash, Babak, Kian, Pouya, "
            "Mohammad Reza, Amirhossein"
        ),
        _names(
            "Maryam, Fatemeh, Zahra, Narges, Shirin, Leila, Parisa, Niloufar, Mahsa, Sara, Yasaman, "
            "Setareh, Negar, Ladan"
        ),
        _names("Tehran, Mashhad, Isfahan, Shiraz, Tabriz, Karaj, Ahvaz, Kermanshah, Rasht, Urmia"),
        titles=(("studium", 35), ("fachkraft", 30), ("humanitaer", 25), ("familie", 10)),
        passport_prefix="K",
    ),
    NationalityPool(
        "ERI",
        2,
        _names(
            "Tesfay, Gebremedhin, Habte, Kidane, Tekle, Ghebreyesus, Woldu, Mehari, Berhane, "
            "Yohannes, Haile, Asmerom, Mebrahtu, Tesfamariam, Zerai, Andemariam"
        ),
        _names("Yonas, Tesfalem, Filmon, Mulugeta, Dawit, Merhawi, Samuel, Habtom, Biniam, Aron, Robel, Senay"),
        _names("Helen, Senait, Yohana, Lidia, Selam, Saba, Hiwet, Tsega, Rahwa, Winta, Luwam, Feven"),
        _names("Asmara, Keren, Massawa, Mendefera, Dekemhare, Barentu, Adi Keyh, Teseney"),
        female_share=0.35,
        year_only_share=0.08,
        new_year_share=0.2,
        titles=(("humanitaer", 90), ("familie", 10)),
        passport_prefix="",
    ),
    NationalityPool(
        "UKR",
        10,
        _names(
            "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Boiko, Kovalchuk, Oliinyk, "
            "Melnyk, Lysenko, Moroz, Pavlenko, Savchenko, Rudenko, Marchenko, Petrenko, Klymenko, "
            "Tkachuk, Polishchuk, Koval, Ivanenko, Shevchuk, Hnatiuk"
        ),
        _names(
            "Oleksandr, Andrii, Serhii, Dmytro, Volodymyr, Mykola, Ivan, Yurii, Vasyl, Maksym, "
            "Bohdan, Taras, Artem, Oleh"
        ),
        _names(
            "Olena, Tetiana, Iryna, Nataliia, Oksana, Yuliia, Svitlana, Kateryna, Anastasiia, "
            "Mariia, Viktoriia, Halyna, Liudmyla, Sofiia"
        ),
        _names(
            "Kyiv, Kharkiv, Odesa, Dnipro, Lviv, Zaporizhzhia, Mykolaiv, Mariupol, Kherson, "
            "Poltava, Chernihiv, Vinnytsia, Sumy"
        ),
        female_share=0.64,
        titles=(("schutz_ukraine", 100),),
        passport_prefix="F",
    ),
    NationalityPool(
        "IND",
        5,
        _names(
            "Sharma, Patel, Reddy, Singh, Kumar, Gupta, Iyer, Nair, Rao, Das, Mehta, Joshi, Shah, "
            "Verma, Chatterjee, Banerjee, Menon, Pillai, Krishnan, Agarwal, Desai, Kulkarni"
        ),
        _names(
            "Rahul, Amit, Arjun, Vikram, Rohan, Sandeep, Rajesh, Suresh, Venkatesh, Karthik, "
            "Aditya, Pranav, Harpreet, Gurpreet, Sai Kiran"
        ),
        _names("Priya, Anjali, Deepika, Kavya, Sneha, Pooja, Lakshmi, Divya, Neha, Shreya, Ananya, Meera, Simranjeet"),
        _names(
            "Mumbai, New Delhi, Bengaluru, Hyderabad, Chennai, Pune, Kolkata, Ahmedabad, Kochi, "
            "Jaipur, Lucknow, Amritsar, Visakhapatnam"
        ),
        female_family=MappingProxyType({"Singh": "Kaur"}),
        female_share=0.4,
        titles=(("fachkraft", 55), ("studium", 30), ("familie", 15)),
        passport_prefix="Z",
    ),
    NationalityPool(
        "VNM",
        4,
        _names("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương"),
        _names(
            "Văn Minh, Văn Hùng, Đức Anh, Quang Huy, Minh Tuấn, Thành Long, Văn Nam, Hoàng Long, Quốc Bảo, Tiến Dũng"
        ),
        _names(
            "Thị Hương, Thị Lan, Thị Mai, Ngọc Anh, Thu Trang, Thị Hoa, Thị Thu Hà, Thanh Hằng, "
            "Phương Linh, Thị Ngọc Ánh"
        ),
        _names(
            "Hà Nội, Hải Phòng, Thành phố Hồ Chí Minh, Nghệ An, Thanh Hóa, Hải Dương, Nam Định, "
            "Huế, Đà Nẵng, Bắc Ninh, Quảng Ninh"
        ),
        titles=(("familie", 55), ("studium", 30), ("fachkraft", 15)),
        passport_prefix="C",
    ),
    NationalityPool(
        "CHN",
        3,
        _names("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Gao, Lü"),
        _names("Wei, Jun, Hao, Lei, Tao, Jian, Yong, Qiang, Zhiwei, Haoran, Yuxuan, Zihao"),
        _names("Fang, Jing, Na, Li, Min, Yan, Xiaoling, Yuting, Xinyi, Mei, Ying, Hui"),
        _names(
            "Beijing, Shanghai, Guangzhou, Shenzhen, Chengdu, Wuhan, Nanjing, Hangzhou, Xi'an, Qingdao, Wenzhou, Harbin"
        ),
        titles=(("studium", 50), ("fachkraft", 40), ("familie", 10)),
        passport_prefix="E",
    ),
    NationalityPool(
        "NGA",
        3,
        _names(
            "Okafor, Adeyemi, Ogunleye, Okonkwo, Eze, Nwosu, Adebayo, Olawale, Balogun, Ibrahim, "
            "Bello, Abubakar, Obi, Chukwu, Okoro, Adewale, Akinola, Oyelaran, Nwachukwu, Ogbonna"
        ),
        _names(
            "Chinedu, Emeka, Oluwaseun, Tunde, Ikechukwu, Babatunde, Obinna, Segun, Musa, Uche, Kelechi, Chukwuemeka"
        ),
        _names(
            "Chioma, Ngozi, Adaeze, Funmilayo, Oluwakemi, Blessing, Amaka, Folake, Aisha, Yetunde, Chiamaka, Ifeoma"
        ),
        _names("Lagos, Abuja, Ibadan, Kano, Enugu, Benin City, Port Harcourt, Onitsha, Owerri, Abeokuta"),
        female_share=0.45,
        titles=(("studium", 35), ("familie", 35), ("fachkraft", 20), ("humanitaer", 10)),
        passport_prefix="B",
    ),
    NationalityPool(
        "ALB",
        4,
        _ALBANIAN_FAMILY,
        _ALBANIAN_MALE,
        _ALBANIAN_FEMALE,
        _names("Tiranë, Durrës, Shkodër, Elbasan, Vlorë, Korçë, Prishtinë, Prizren, Pejë, Gjakovë, Ferizaj"),
        titles=(("familie", 60), ("fachkraft", 35), ("studium", 5)),
        passport_prefix="B",
    ),
    NationalityPool(
        "MKD",
        2,
        _ALBANIAN_FAMILY,
        _ALBANIAN_MALE,
        _ALBANIAN_FEMALE,
        _names("Skopje, Tetovo, Gostivar, Kumanovo, Struga, Debar, Kičevo"),
        titles=(("familie", 60), ("fachkraft", 40)),
        passport_prefix="M",
    ),
    NationalityPool(
        "SRB",
        3,
        _names(
            "Đorđević, Petrović, Jovanović, Nikolić, Marković, Kovačević, Ilić, Stojanović, "
            "Živković, Pavlović, Todorović, Milošević, Popović, Lazić"
        ),
        _names("Nikola, Marko, Stefan, Miloš, Dragan, Dejan, Nenad, Goran, Aleksandar, Vuk"),
        _names("Jelena, Milica, Ivana, Marija, Dragana, Snežana, Ana, Tijana, Jovana, Vesna"),
        _names("Beograd, Novi Sad, Niš, Kragujevac, Subotica, Novi Pazar, Čačak, Kraljevo"),
        titles=(("familie", 60), ("fachkraft", 40)),
        passport_prefix="",
    ),
    NationalityPool(
        "MDA",
        2,
        _ROMANIAN_FAMILY,
        _ROMANIAN_MALE,
        _ROMANIAN_FEMALE,
        _names("Chișinău, Bălți, Cahul, Orhei, Ungheni, Soroca, Comrat"),
        titles=(("fachkraft", 50), ("familie", 40), ("studium", 10)),
        passport_prefix="",
    ),
    NationalityPool(
        "ROU",
        4,
        _ROMANIAN_FAMILY,
        _ROMANIAN_MALE,
        _ROMANIAN_FEMALE,
        _names("București, Cluj-Napoca, Iași, Timișoara, Constanța, Craiova, Brașov, Galați, Suceava, Bacău"),
    ),
    NationalityPool(
        "POL",
        2,
        _names(
            "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
            "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Krawczyk"
        ),
        _names("Łukasz, Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Jakub, Grzegorz, Mateusz"),
        _names("Anna, Katarzyna, Małgorzata, Agnieszka, Joanna, Magdalena, Ewa, Zofia, Aleksandra, Beata"),
        _names("Warszawa, Kraków, Łódź, Wrocław, Poznań, Gdańsk, Szczecin, Lublin, Białystok, Katowice"),
        female_family=MappingProxyType(
            {
                "Kowalski": "Kowalska",
                "Wiśniewski": "Wiśniewska",
                "Kamiński": "Kamińska",
                "Lewandowski": "Lewandowska",
                "Zieliński": "Zielińska",
                "Szymański": "Szymańska",
                "Dąbrowski": "Dąbrowska",
                "Kozłowski": "Kozłowska",
                "Jankowski": "Jankowska",
            }
        ),
    ),
    NationalityPool(
        "AUT",
        1,
        _GERMAN_FAMILY,
        _GERMAN_MALE,
        _GERMAN_FEMALE,
        _names("Wien, Graz, Linz, Salzburg, Innsbruck, Bregenz, Feldkirch, Dornbirn"),
    ),
    NationalityPool(
        "CHE",
        1,
        _GERMAN_FAMILY,
        _GERMAN_MALE,
        _GERMAN_FEMALE,
        _names("Zürich, Schaffhausen, Basel, Kreuzlingen, Winterthur, Frauenfeld, St. Gallen, Bern"),
    ),
)

POOLS_BY_NATIONALITY: Mapping[str, NationalityPool] = MappingProxyType({p.nationality: p for p in POOLS})

#: Persons every run starts with, so a small demo can show folding (Müller/Mueller → MULLER), the
#: prefix range Ala–Alz of the asylum area (Alizadeh → Lossau, Aziz → Dietrich) and diacritics.
#: (nationality, family name, given names, sex)
SHOWCASE: tuple[tuple[str, str, str, str], ...] = (
    ("AUT", "Müller", "Johanna", "w"),
    ("CHE", "Mueller", "Andreas", "m"),
    ("AUT", "Schäfer", "Lukas", "m"),
    ("CHE", "Schaefer", "Regula", "w"),
    ("SYR", "Al-Hassan", "Mohammad", "m"),
    ("AFG", "Alizadeh", "Maryam", "w"),
    ("IRQ", "Aziz", "Zainab", "w"),
    ("TUR", "Öztürk", "Ayşe", "w"),
    ("TUR", "Şahin", "Mehmet", "m"),
    ("VNM", "Nguyễn", "Thị Hương", "w"),
    ("MDA", "Țurcanu", "Andrei", "m"),
    ("ROU", "Ștefan", "Ioana", "w"),
    ("POL", "Wiśniewski", "Łukasz", "m"),
    ("UKR", "Shevchenko", "Olena", "w"),
    ("IND", "Sharma", "Priya", "w"),
    ("NGA", "Okafor", "Chinedu", "m"),
    ("SRB", "Đorđević", "Milica", "w"),
    ("ALB", "Krasniqi", "Arben", "m"),
    ("ERI", "Tesfay", "Senait", "w"),
    ("CHN", "Wang", "Wei", "m"),
    ("IRN", "Hosseini", "Reza", "m"),
    ("XXA", "Alkhatib", "Rasha", "w"),
)


@dataclass(frozen=True)
class Town:
    name: str
    weight: int
    #: (street, postcode)
    streets: tuple[tuple[str, str], ...]


def _streets(postcode: str, text: str) -> tuple[tuple[str, str], ...]:
    return tuple((street, postcode) for street in _names(text))


#: Singen (Hohentwiel): its Ausländerbehörde (a Große Kreisstadt's) serves the town's residents only;
#: Konstanz, Radolfzell and the Landratsamt have their own.
TOWNS: tuple[Town, ...] = (
    Town(
        "Singen",
        70,
        _streets(
            "78224",
            "Hauptstraße, Ekkehardstraße, Freiheitstraße, Schaffhauser Straße, Rielasinger Straße, "
            "Hegaustraße, Hohentwielstraße, Alpenstraße, Worblinger Straße, Julius-Bührer-Straße, "
            "Bahnhofstraße, Hadwigstraße, Scheffelstraße, Uhlandstraße, Schwarzwaldstraße, "
            "Thurgauer Straße, Erzbergerstraße, Maggistraße, Georg-Fischer-Straße, Güterstraße, "
            "Freibühlstraße, Überlinger Straße, Steißlinger Straße, Harsenstraße, Radolfzeller Straße, "
            "Duchtlinger Straße, Berliner Straße, Masurenstraße, Waldeckstraße, Widerholdstraße, "
            "Romeiasstraße, Kreuzensteinstraße, Mühlenstraße, Feldbergstraße, Goethestraße, "
            "Schillerstraße, Ringstraße, Bruderhofstraße",
        ),
    ),
)

#: Places of birth in the neighbourhood, for children born in Germany.
LOCAL_BIRTH_PLACES = _names("Singen, Konstanz, Radolfzell am Bodensee, Engen, Stockach")

#: Fictitious telephone numbers the Bundesnetzagentur keeps free for film and television.
PHONE_BLOCKS = ("+49 30 23125 ", "+49 69 90009 ", "+49 40 66969 ", "+49 89 99998 ", "+49 221 4710 ")
EMAIL_DOMAIN = "example.org"

WAIVER_REASONS = (
    "Liegt der Ausländerbehörde bereits vor (Ausländerakte).",
    "Nicht erforderlich: visumfreie Einreise.",
    "Durch Abfrage bei der Meldebehörde ersetzt.",
    "Im Einzelfall entbehrlich (Vermerk der Sachbearbeitung).",
    "Wird von der Ausländerbehörde selbst eingeholt.",
)
