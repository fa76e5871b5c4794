"""`resolution-guide state-pack XX`: make or refresh a state pack (YAML) from the `holidays` package.

Authoring time only: the `holidays` package (`pip install 'resolution-guide[authoring]'`) is imported
here and never by the engine. Usage:
    resolution-guide state-pack NY                       # a new pack, 2025-2030, into the package's packs
    resolution-guide state-pack NY --out states          # into a fork's state_packs_dir
    resolution-guide state-pack NY --to 2032 --force     # refresh the holiday list of an existing pack
    resolution-guide state-pack --sync                   # remake the engine's JSON after editing a pack

The holiday list is the state's public holidays from the package minus the federal legal public holidays
(the engine computes those itself, 5 U.S.C. 6103), then filtered by FILTERS below: a day the package lists
but on which the state's own law does not close state offices (optional, commemorative, "observance only")
is dropped, and the reason goes into the pack's `notes`. ADDITIONS puts back days the state's statute lists
and the package misses. With --force an existing pack keeps everything except the holiday list, its years,
`holidays_source` and `notes` (comments too). What cannot be filled is left out, named in `to_check`, and
printed; the strict checker (statepacks.py) then checks the pack.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from . import statepack_files

# The state's name and the statute that lists its legal holidays (citation, link or None when no primary
# source link was found). Used only to fill a new pack; the pack is the place these facts are kept.
STATES = {
    "AK": ("Alaska", "Alaska Stat. 44.12.010", "https://www.akleg.gov/basis/statutes.asp#44.12.010"),
    "AL": ("Alabama", "Code of Ala. 1975, 1-3-8", None),
    "AR": ("Arkansas", "Ark. Code Ann. 1-5-101", None),
    "AZ": ("Arizona", "Ariz. Rev. Stat. 1-301", "https://www.azleg.gov/ars/1/00301.htm"),
    "CA": ("California", "Cal. Gov. Code 6700 and 19853",
           "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=GOV&sectionNum=6700"),
    "CO": ("Colorado", "Colo. Rev. Stat. 24-11-101", None),
    "CT": ("Connecticut", "Conn. Gen. Stat. 1-4", "https://www.cga.ct.gov/current/pub/chap_002.htm#sec_1-4"),
    "DC": ("District of Columbia", "D.C. Code 1-612.02",
           "https://code.dccouncil.gov/us/dc/council/code/sections/1-612.02"),
    "DE": ("Delaware", "Del. Code tit. 1, 501", "https://delcode.delaware.gov/title1/c005/index.html"),
    "FL": ("Florida", "Fla. Stat. 110.117", "https://www.flsenate.gov/Laws/Statutes/2025/110.117"),
    "GA": ("Georgia", "O.C.G.A. 1-4-1 (the Governor names the state holidays each year)", None),
    "HI": ("Hawaii", "Haw. Rev. Stat. 8-1",
           "https://www.capitol.hawaii.gov/hrscurrent/Vol01_Ch0001-0042F/HRS0008/HRS_0008-0001.htm"),
    "IA": ("Iowa", "Iowa Code 1C.1 and 1C.2", None),
    "ID": ("Idaho", "Idaho Code 73-108", "https://legislature.idaho.gov/statutesrules/idstat/Title73/T73CH1/SECT73-108/"),
    "IL": ("Illinois", "10 ILCS 5/1-6(b) (list of State holidays)", None),
    "IN": ("Indiana", "Ind. Code 1-1-9-1", None),
    "KS": ("Kansas", "Kan. Stat. Ann. 35-107; Kan. Admin. Regs. 1-9-2", None),
    "KY": ("Kentucky", "Ky. Rev. Stat. 18A.190 (days state offices close)", None),
    "LA": ("Louisiana", "La. Rev. Stat. 1:55", "https://legis.la.gov/legis/Law.aspx?d=74097"),
    "MA": ("Massachusetts", "Mass. Gen. Laws ch. 4, 7, cl. 18",
           "https://malegislature.gov/Laws/GeneralLaws/PartI/TitleI/Chapter4/Section7"),
    "MD": ("Maryland", "Md. Code, Gen. Prov. 1-111; State Pers. & Pens. 9-201", None),
    "ME": ("Maine", None, None),
    "MI": ("Michigan", "Mich. Comp. Laws 435.101", None),
    "MN": ("Minnesota", "Minn. Stat. 645.44, subd. 5", "https://www.revisor.mn.gov/statutes/cite/645.44"),
    "MO": ("Missouri", "Mo. Rev. Stat. 9.010", "https://revisor.mo.gov/main/OneSection.aspx?section=9.010"),
    "MS": ("Mississippi", "Miss. Code Ann. 3-3-7", None),
    "MT": ("Montana", "Mont. Code Ann. 1-1-216",
           "https://archive.legmt.gov/bills/mca/title_0010/chapter_0010/part_0020/section_0160/0010-0010-0020-0160.html"),
    "NC": ("North Carolina", "N.C. Gen. Stat. 103-4; state employee holidays set under N.C. Gen. Stat. 126-4(5)",
           "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_103/GS_103-4.html"),
    "ND": ("North Dakota", "N.D. Cent. Code 1-03-01", "https://www.ndlegis.gov/cencode/t01c03.pdf"),
    "NE": ("Nebraska", "Neb. Rev. Stat. 25-2221", "https://nebraskalegislature.gov/laws/statutes.php?statute=25-2221"),
    "NH": ("New Hampshire", "N.H. Rev. Stat. 288:1", None),
    "NJ": ("New Jersey", "N.J. Stat. 36:1-1.1", None),
    "NM": ("New Mexico", "N.M. Stat. 12-5-2", None),
    "NV": ("Nevada", "Nev. Rev. Stat. 236.015", "https://www.leg.state.nv.us/nrs/nrs-236.html#NRS236Sec015"),
    "NY": ("New York", "N.Y. Gen. Constr. Law 24", "https://www.nysenate.gov/legislation/laws/GCN/24"),
    "OH": ("Ohio", "Ohio Rev. Code 1.14", "https://codes.ohio.gov/ohio-revised-code/section-1.14"),
    "OK": ("Oklahoma", "Okla. Stat. tit. 25, 82.1", None),
    "OR": ("Oregon", "Or. Rev. Stat. 187.010", "https://www.oregonlegislature.gov/bills_laws/ors/ors187.html"),
    "PA": ("Pennsylvania", None, None),
    "RI": ("Rhode Island", "R.I. Gen. Laws 25-1-1", None),
    "SC": ("South Carolina", "S.C. Code Ann. 53-5-10", "https://www.scstatehouse.gov/code/t53c005.php"),
    "SD": ("South Dakota", "S.D. Codified Laws 1-5-1", "https://sdlegislature.gov/Statutes/1-5-1"),
    "TN": ("Tennessee", "Tenn. Code Ann. 15-1-101", None),
    "TX": ("Texas", "Tex. Gov't Code 662.003", "https://statutes.capitol.texas.gov/Docs/GV/htm/GV.662.htm"),
    "UT": ("Utah", "Utah Code 63G-1-301", "https://le.utah.gov/xcode/Title63G/Chapter1/63G-1-S301.html"),
    "VA": ("Virginia", "Va. Code 2.2-3300", "https://law.lis.virginia.gov/vacode/title2.2/chapter33/section2.2-3300/"),
    "VT": ("Vermont", "Vt. Stat. Ann. tit. 1, 371", "https://legislature.vermont.gov/statutes/section/01/007/00371"),
    "WA": ("Washington", "Wash. Rev. Code 1.16.050", "https://app.leg.wa.gov/RCW/default.aspx?cite=1.16.050"),
    "WI": ("Wisconsin", "Wis. Stat. 230.35(4)(a)", "https://docs.legis.wisconsin.gov/statutes/statutes/230/ii/35"),
    "WV": ("West Virginia", "W. Va. Code 2-2-1", "https://code.wvlegislature.gov/2-2-1/"),
    "WY": ("Wyoming", "Wyo. Stat. 8-4-101", None),
}

OPTIONAL = "optional"
COMMEMORATIVE = "commemorative"
HALF_DAY = "half_day"
NO_WEEKEND_SHIFT = "no_weekend_shift"
NOT_IN_STATUTE = "not_in_statute"
RENAME = "rename"

# Per state: package holiday name -> (what to do, why). Names not listed are kept.
FILTERS: dict[str, dict[str, tuple[str, str]]] = {
    "CA": {
        "Susan B. Anthony Day": (COMMEMORATIVE, "a day of observance; state offices stay open"),
        "Diwali": (OPTIONAL, "state employees may take it in place of their personal holiday "
                             "(Cal. Gov. Code 19853 as amended by AB 268, 2025); offices stay open"),
    },
    "CO": {
        "Cesar Chavez Day": (OPTIONAL, "state employees may take it in place of another holiday; "
                                       "not a legal holiday in Colo. Rev. Stat. 24-11-101(1)"),
    },
    "FL": {
        "Susan B. Anthony Day": (COMMEMORATIVE, "a legal holiday of Fla. Stat. 683.01 on which state offices "
                                                "stay open; not a paid holiday under Fla. Stat. 110.117"),
    },
    "IA": {
        "Lincoln's Birthday": (COMMEMORATIVE, "a legal holiday of Iowa Code 1C.1 but not a paid holiday "
                                              "for state employees under Iowa Code 1C.2"),
        "Lincoln's Birthday (observed)": (COMMEMORATIVE, "see Lincoln's Birthday"),
    },
    "IL": {
        "Casimir Pulaski Day": (COMMEMORATIVE, "listed in 10 ILCS 5/1-6(b) and 5 ILCS 490/15, but state offices "
                                               "stay open (it is not on the state's own holiday schedule)"),
    },
    "KS": {
        "Christmas Eve": (NOT_IN_STATUTE, "not in Kan. Stat. Ann. 35-107 or Kan. Admin. Regs. 1-9-2(a); the "
                                          "Governor may close offices on it in a given year (1-9-2(b))"),
        "Christmas Eve (observed)": (NOT_IN_STATUTE, "see Christmas Eve"),
    },
    "KY": {
        "Good Friday": (HALF_DAY, "Ky. Rev. Stat. 18A.190(1)(c) gives one half day (a half-day holiday)"),
    },
    "MD": {
        "Inauguration Day": (NOT_IN_STATUTE, "not a legal holiday of Md. Code, Gen. Prov. 1-111 (and "
                                             "2029-01-20 is a Saturday)"),
    },
    "NY": {
        "Susan B. Anthony Day": (COMMEMORATIVE, "a day of commemoration, not a public holiday of "
                                                "N.Y. Gen. Constr. Law 24"),
    },
    "TX": {
        "Cesar Chavez Day": (OPTIONAL, "an optional holiday (Tex. Gov't Code 662.013): offices stay open"),
        "Good Friday": (OPTIONAL, "an optional holiday (Tex. Gov't Code 662.003(c)): offices stay open"),
        "Confederate Memorial Day": (RENAME, "Confederate Heroes Day"),
        "Christmas Eve (observed)": (NO_WEEKEND_SHIFT, "Tex. Gov't Code 662.003 names fixed dates and moves "
                                                       "no holiday off a weekend"),
    },
    "WI": {
        "Susan B. Anthony Day": (COMMEMORATIVE, "a special observance day (Wis. Stat. 995.20), not a "
                                                "state employee holiday under Wis. Stat. 230.35(4)(a)"),
    },
}

SAT_FRI_SUN_MON = "saturday_to_friday_sunday_to_monday"

# Days the state's statute lists and the package (0.109) does not:
# (month-day or rule, name, statute[, weekend shift]).
ADDITIONS: dict[str, list[tuple]] = {
    "AR": [("12-24", "Christmas Eve", "Ark. Code Ann. 1-5-101(a)(9)")],
    "KY": [("presidential_election_day", "Presidential Election Day", "Ky. Rev. Stat. 18A.190(1)(h)")],
    "MO": [("02-12", "Lincoln Day", "Mo. Rev. Stat. 9.010", SAT_FRI_SUN_MON)],
    "ND": [("good_friday", "Good Friday", "N.D. Cent. Code 1-03-01(5)")],
    "WV": [("wv_primary_election_day", "Primary Election Day", "W. Va. Code 2-2-1(a)(13)")],
    "MD": [("general_election_day", "General Election Day", "Md. Code, Gen. Prov. 1-111(a)(17)")],
    "NE": [("day_after_thanksgiving", "Day After Thanksgiving", "Neb. Rev. Stat. 25-2221")],
    "SC": [("day_after_thanksgiving", "Day After Thanksgiving", "S.C. Code Ann. 53-5-10"),
           ("12-24", "Christmas Eve", "S.C. Code Ann. 53-5-10"),
           ("12-26", "Day After Christmas", "S.C. Code Ann. 53-5-10")],
}

# What a person should still look at, per state (goes into notes).
STATE_NOTES = {
    "AR": "Ark. Code Ann. 1-5-101(b) moves a Saturday holiday to Friday and a Sunday holiday to Monday; "
          "the added Christmas Eve is listed on its own date only (in 2028 it is a Sunday and the next Monday "
          "is Christmas Day): check the state's schedule.",
    "SC": "The added days are listed on their statutory dates only; check how the state observes them when "
          "they fall on a weekend.",
    "GA": "Georgia's Governor names the state holidays each year; the dates after the current year follow "
          "the usual pattern and must be checked against each year's schedule.",
    "IA": "To check: whether Iowa Code 1C.2 also closes offices on the day after Thanksgiving (not listed).",
    "KS": "The Governor may close state offices on more days in a given year (Kan. Admin. Regs. 1-9-2(b)); "
          "such days are not listed.",
    "KY": "Ky. Rev. Stat. 18A.190 also gives one extra day each with New Year's Day, Thanksgiving and Christmas, "
          "chosen by the Governor; only New Year's Eve (as the holidays package lists it) is included: check the "
          "Governor's choice each year.",
    "IL": "Good Friday is also in 10 ILCS 5/1-6(b), but offices stay open; the package does not list it.",
    "MO": "Lincoln Day on a Saturday is listed on the Friday before, as the holidays package does for Truman "
          "Day (the state's practice; Mo. Rev. Stat. 9.010 itself moves only a Sunday holiday).",
    "ND": "State offices also close at noon on Christmas Eve (N.D. Cent. Code 1-03-01.1); a half day is not "
          "listed.",
    "WV": "The primary election day is taken as the second Tuesday of May in even years; W. Va. Code 2-2-1(a)(13) "
          "also makes special election days holidays where they are held (not listed).",
    "LA": "La. Rev. Stat. 1:55(B)(1)(a) keeps state employees off work on Mardi Gras Day, Good Friday and "
          "General Election Day (every two years).",
    "MD": "Md. Code, Gen. Prov. 1-111 also names Lincoln's Birthday, Maryland Day, Good Friday and Defenders' Day "
          "as legal holidays; they are not listed because state offices stay open, which State Pers. & Pens. "
          "9-201 (not read) should confirm.",
    "TX": "Texas Independence Day, San Jacinto Day and Lyndon Baines Johnson Day are state holidays under "
          "Tex. Gov't Code 662.003(b) on which agencies keep enough staff to do business (662.004); they are "
          "kept because 34 CFR 300.11(b) excepts every State holiday.",
}


def federal_and_state(state: str, years: range):
    import holidays

    return holidays.US(years=years), holidays.US(subdiv=state, years=years), holidays.__version__


def day_after_thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thanksgiving + timedelta(days=1)


def election_day(year: int) -> date:
    """The Tuesday after the first Monday in November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(0 - first.weekday()) % 7 + 1)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def weekend_shift(day: date) -> date | None:
    """Saturday -> the Friday before, Sunday -> the Monday after; None on a weekday."""
    return {5: day - timedelta(days=1), 6: day + timedelta(days=1)}.get(day.weekday())


def rule_day(when: str, year: int) -> date | None:
    """The day an ADDITIONS rule names in `year`, or None when it has none that year."""
    if when == "day_after_thanksgiving":
        return day_after_thanksgiving(year)
    if when == "general_election_day":
        return election_day(year) if year % 2 == 0 else None
    if when == "good_friday":
        return easter(year) - timedelta(days=2)
    if when == "wv_primary_election_day":  # the second Tuesday of May in even years (W. Va. Code 3-5-1)
        first = date(year, 5, 1)
        return first + timedelta(days=(1 - first.weekday()) % 7 + 7) if year % 2 == 0 else None
    if when == "presidential_election_day":
        return election_day(year) if year % 4 == 0 else None
    return date.fromisoformat(f"{year}-{when}")


def state_holidays(state: str, first: int, last: int) -> tuple[dict[str, str], list[str], str]:
    """(date -> name, notes on what was dropped/added, package version)."""
    years = range(first, last + 1)
    federal, state_days, version = federal_and_state(state, years)
    rules = FILTERS.get(state, {})
    kept: dict[str, str] = {}
    dropped: dict[str, str] = {}
    for day, name in sorted(state_days.items()):
        if day in federal:
            continue
        action, why = rules.get(name, (None, ""))
        if action == RENAME:
            kept[day.isoformat()] = why
        elif action:
            dropped[name] = why
        else:
            kept[day.isoformat()] = name
    added = []
    for when, name, statute, *shift in ADDITIONS.get(state, []):
        for year in years:
            day = rule_day(when, year)
            if day is None:
                continue
            if day not in federal and day.isoformat() not in kept:
                kept[day.isoformat()] = name
            moved = weekend_shift(day) if shift == [SAT_FRI_SUN_MON] else None
            if moved and moved not in federal and moved.isoformat() not in kept:
                kept[moved.isoformat()] = f"{name} (observed)"
        added.append(f"{name} ({statute})")
    notes = []
    if dropped:
        notes.append("Left out: " + "; ".join(f"{name}: {why}" for name, why in dropped.items()) + ".")
    if added:
        notes.append("Added because the statute lists them and the holidays package does not: "
                     + ", ".join(added) + ".")
    return dict(sorted(kept.items())), notes, version


def notes_text(state: str, extra: list[str]) -> str:
    lines = ["Lists only the days the state adds to the federal legal public holidays (the engine adds "
             "those itself); generated with the holidays package and filtered as said here. The sources list "
             "what was read to check it."]
    lines += extra or ["Nothing the package lists was left out."]
    if state in STATE_NOTES:
        lines.append(STATE_NOTES[state])
    return " ".join(lines)


def build_pack(state: str, first: int, last: int, old: dict | None,
               name: str | None = None) -> tuple[dict, list[str]]:
    holidays_by_day, extra_notes, version = state_holidays(state, first, last)
    _, statute, url = STATES.get(state, (name, None, None))
    pack = dict(old) if old else {}
    pack.setdefault("state", state)
    if name and "name" not in pack:
        pack["name"] = name
    if statute and "holidays_statute" not in pack:
        pack["holidays_statute"] = statute
    if url and "holidays_source_url" not in pack:
        pack["holidays_source_url"] = url
    pack["holidays"] = holidays_by_day
    pack["holidays_cover"] = [first, last]
    pack["holidays_source"] = f"python package holidays {version}, US subdivision {state}, filtered (see notes)"
    pack["notes"] = notes_text(state, extra_notes)
    pack.setdefault("rules", {})
    pack.setdefault("rules_checked", bool(pack["rules"].get("limitation_period")))
    if "sources" not in pack:  # only what a person reads goes here; the statute link is holidays_source_url
        pack["sources"] = [{"what": f"holidays package {version} (authoring only)",
                            "url": "https://github.com/vacanza/holidays"}]
    missing = [key for key in ("name", "holidays_statute", "holidays_source_url", "parent_center", "checked")
               if key not in pack]
    if missing:
        pack["to_check"] = missing
    else:
        pack.pop("to_check", None)
    order = statepack_files.ORDER
    return {key: pack[key] for key in order if key in pack} | {k: v for k, v in pack.items() if k not in order}, missing


#: The keys --force rewrites; every other key keeps what a person wrote.
GENERATED = ("holidays_cover", "holidays", "holidays_source", "notes")


def known_codes() -> dict[str, str | None]:
    """Code -> name for the states above and the other US subdivisions the holidays package knows."""
    try:
        import holidays

        extra = {code: None for code in holidays.US.subdivisions if len(code) == 2}
    except ImportError:
        extra = {}
    return {**extra, **{code: row[0] for code, row in STATES.items()}}


def add_state_pack_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "state-pack", help="make or refresh a state pack (YAML) from the holidays package",
        description="Write a state pack with every field filled or named in to_check, and print what could "
                    "not be filled. Needs the holidays package: pip install 'resolution-guide[authoring]'.")
    p.add_argument("state", nargs="?", help="two-letter code, e.g. NY")
    p.add_argument("--from", dest="first", type=int, default=2025, help="first year of holidays (default 2025)")
    p.add_argument("--to", dest="last", type=int, default=2030, help="last year of holidays (default 2030)")
    p.add_argument("--force", action="store_true",
                   help="refresh the holidays of an existing pack (what a person wrote is kept)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder to write into, e.g. your state_packs_dir (default: the package's own packs)")
    p.add_argument("--sync", action="store_true",
                   help="remake the engine's JSON (engine/states) from the package's YAML packs")
    p.set_defaults(handler=run_state_pack)


def run_state_pack(args: argparse.Namespace) -> int:
    if args.sync:
        return _sync()
    if not args.state:
        print("give a state code (e.g. resolution-guide state-pack NY), or --sync", file=sys.stderr)
        return 2
    state = args.state.upper()
    codes = known_codes()
    if state not in codes:
        print(f"unknown state code {state!r}: use one of {', '.join(sorted(codes))}", file=sys.stderr)
        return 2
    if args.first > args.last:
        print(f"--from {args.first} is after --to {args.last}", file=sys.stderr)
        return 2
    if args.out is None and not (statepack_files.YAML_DIR.parents[2] / "pyproject.toml").exists():
        print("give --out DIR, the folder set as state_packs_dir in your mkdocs.yml (the packs of an "
              "installed package are not edited in place)", file=sys.stderr)
        return 2
    folder = args.out if args.out is not None else statepack_files.YAML_DIR
    path = folder / f"{state.lower()}.yml"
    if path.exists() and not args.force:
        print(f"{path} exists: add --force to refresh its holiday list (what a person wrote is kept)",
              file=sys.stderr)
        return 1
    try:
        import holidays  # noqa: F401  (authoring only)
    except ImportError:
        print("this command needs the holidays package: pip install 'resolution-guide[authoring]'", file=sys.stderr)
        return 2
    old_text = path.read_text(encoding="utf-8") if path.exists() else None
    old = None
    if old_text is not None:
        from .statepacks import ERROR, check_state_pack

        broken = [p for p in check_state_pack(path) if p.severity == ERROR and p.line and not p.key]
        if broken:  # a file YAML cannot read: say where, change nothing
            for problem in broken:
                print(problem, file=sys.stderr)
            return 1
        old = statepack_files.read_pack(path)
    pack, missing = build_pack(state, args.first, args.last, old, codes.get(state))
    if old_text is None:
        folder.mkdir(parents=True, exist_ok=True)
        text = statepack_files.dump_pack(pack)
    else:
        keys = GENERATED + tuple(k for k in pack if k not in old) + ("to_check",)
        text = statepack_files.replace_keys(old_text, pack, keys)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}: {len(pack['holidays'])} state holidays {args.first}-{args.last}")
    for key in missing:
        print(f"  not filled, listed in to_check: {key}")
    if not pack["rules_checked"]:
        print("  rules_checked is false: add rules.limitation_period only with a citation of the state's own law")
    if args.out is None:
        _sync()
    return 0


def _sync() -> int:
    from .statepacks import ERROR, check_state_packs

    errors = [p for p in check_state_packs(statepack_files.YAML_DIR) if p.severity == ERROR]
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print("the engine's JSON was not remade: fix the packs first", file=sys.stderr)
        return 1
    changed = statepack_files.write_engine_json()
    print(f"engine JSON remade: {', '.join(changed)}" if changed else "engine JSON already up to date")
    return 0
