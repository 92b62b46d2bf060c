"""Werktage und Feiertage am Sitz der Behörde (§ 193 BGB, § 31 Abs. 3 VwVfG, § 222 Abs. 2 ZPO).

Which days count as non-working days depends on the Land in which the authority has its seat
(gesetzliche Feiertage are Landesrecht, only the Tag der Deutschen Einheit is federal). The holiday
data comes from the ``holidays`` package. Some holidays hold only in part of a Land, by the
municipality of the authority's seat: Mariä Himmelfahrt in Bavarian municipalities with a mainly
Catholic population (Munich, seed 004), Fronleichnam in some municipalities of Saxony and Thuringia,
the Hohes Friedensfest in Augsburg. The office says which apply at its seat (``local``); without
that, the Land-wide calendar holds. 24 and 31 December are ordinary working days: they are no
staatlich anerkannte allgemeine Feiertage.
"""

from __future__ import annotations

from datetime import date, timedelta

from abh_desk.errors import ValidationError

#: Die 16 Länder (Kürzel nach ISO 3166-2:DE ohne Präfix) und ihre Namen.
LAENDER: dict[str, str] = {
    "BB": "Brandenburg",
    "BE": "Berlin",
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "HB": "Bremen",
    "HE": "Hessen",
    "HH": "Hamburg",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SH": "Schleswig-Holstein",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "TH": "Thüringen",
}

#: Holidays at the authority's seat beyond the Land-wide ones, by Land: the setting's value and its
#: description. "katholisch": the holidays of municipalities with a mainly Catholic population.
LOCAL_HOLIDAYS: dict[str, dict[str, str]] = {
    "BY": {
        "katholisch": "Mariä Himmelfahrt (Gemeinde mit überwiegend katholischer Bevölkerung)",
        "augsburg": "Stadt Augsburg: Mariä Himmelfahrt und Hohes Friedensfest",
    },
    "SN": {"katholisch": "Fronleichnam (Gemeinden nach der Fronleichnamsverordnung)"},
    "TH": {"katholisch": "Fronleichnam (Gemeinden mit überwiegend katholischer Bevölkerung)"},
}

WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

# The engine never needs more than a few years around today; a bound keeps a typo (year 20225)
# from building holiday tables for thousands of years.
_FIRST_YEAR = 1991
_LAST_YEAR = 2199


def german_date(day: date) -> str:
    """Ein Datum in deutscher Schreibweise, z. B. „06.07.2025“."""
    return day.strftime("%d.%m.%Y")


def normalize_land(land: str) -> str:
    """Das Länderkürzel in Großbuchstaben; ein unbekanntes Land ist eine Fehleingabe."""
    code = land.strip().upper() if isinstance(land, str) else ""
    if code not in LAENDER:
        allowed = ", ".join(sorted(LAENDER))
        raise ValidationError("domain_deadlines_calendar.unknown_land", field="land", land=land, allowed=allowed)
    return code


class WorkingDays:
    """Werktagskalender eines Landes: Samstage, Sonntage und gesetzliche Feiertage sind keine Werktage.

    Holidays are looked up lazily, one calendar year at a time, and cached on the instance; the
    instance is cheap to keep for the life of the program (one per office).
    """

    def __init__(self, land: str, local: str = "") -> None:
        self.land = normalize_land(land)
        if local and local not in LOCAL_HOLIDAYS.get(self.land, {}):
            choices = ", ".join(LOCAL_HOLIDAYS.get(self.land, {}))
            key = (
                "domain_deadlines_calendar.unknown_local_holidays"
                if choices
                else "domain_deadlines_calendar.no_local_holidays"
            )
            raise ValidationError(
                key,
                field="local_holidays",
                local=local,
                land_name=LAENDER[self.land],
                choices=choices,
            )
        self.local = local
        self._years: dict[int, dict[date, str]] = {}

    def __repr__(self) -> str:
        return f"WorkingDays({self.land!r}, {self.local!r})" if self.local else f"WorkingDays({self.land!r})"

    @property
    def land_name(self) -> str:
        """Der Name des Landes, z. B. „Baden-Württemberg“."""
        return LAENDER[self.land]

    def _holidays(self, year: int) -> dict[date, str]:
        cached = self._years.get(year)
        if cached is None:
            if not _FIRST_YEAR <= year <= _LAST_YEAR:
                raise ValidationError(
                    "domain_deadlines_calendar.year_outside_calendar",
                    first_year=_FIRST_YEAR,
                    last_year=_LAST_YEAR,
                    field="datum",
                    year=year,
                )
            import holidays  # 50 ms of imports, not needed to start the program

            subdiv = "Augsburg" if self.local == "augsburg" else self.land
            categories = ("public", "catholic") if self.local else ("public",)
            table = holidays.country_holidays("DE", subdiv=subdiv, language="de", years=year, categories=categories)
            cached = {day: str(name) for day, name in table.items()}
            self._years[year] = cached
        return cached

    def holiday_name(self, day: date) -> str | None:
        """Der deutsche Name des gesetzlichen Feiertags an diesem Tag (z. B. „Fronleichnam“), sonst None."""
        return self._holidays(day.year).get(day)

    def holidays_in(self, year: int) -> dict[date, str]:
        """Alle gesetzlichen Feiertage des Landes in einem Jahr, nach Datum sortiert."""
        return dict(sorted(self._holidays(year).items()))

    def is_holiday(self, day: date) -> bool:
        return self.holiday_name(day) is not None

    def is_working_day(self, day: date) -> bool:
        """Werktag im Sinne von § 193 BGB: Montag bis Freitag und kein gesetzlicher Feiertag."""
        return day.weekday() < 5 and not self.is_holiday(day)

    def next_working_day(self, day: date) -> date:
        """Der Tag selbst, wenn er ein Werktag ist, sonst der nächste Werktag."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, day: date) -> date:
        """Der Tag selbst, wenn er ein Werktag ist, sonst der Werktag davor."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def non_working_reason(self, day: date) -> str | None:
        """Warum der Tag kein Werktag ist: „Sonntag“ oder „Fronleichnam (Feiertag in BW)“; None am Werktag.

        A holiday is named even when it falls on a weekend, because that is what a person recognises.
        """
        name = self.holiday_name(day)
        if name is not None:
            return f"{name} (Feiertag in {self.land})"
        if day.weekday() >= 5:
            return WEEKDAY_NAMES[day.weekday()]
        return None

    def move_to_working_day(self, day: date) -> tuple[date, str | None]:
        """Verschiebung des Fristendes nach § 193 BGB: (neues Ende, Begründung oder None).

        The explanation lists every skipped day in order, e.g. „Samstag, Sonntag, Ostermontag
        (Feiertag in BW)“, so the screen can show why the date moved.
        """
        reasons: list[str] = []
        while (reason := self.non_working_reason(day)) is not None:
            reasons.append(reason)
            day += timedelta(days=1)
        return day, (", ".join(reasons) if reasons else None)
