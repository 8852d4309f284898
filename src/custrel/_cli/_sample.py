"""Generated portfolios: the demo's sample, test portfolios and benchmark data; private.

A portfolio is drawn customer by customer from a seeded :class:`random.Random`, so the
same arguments always give the same records. Customers follow a few typical
histories (prospects, new, regular, growing, slipping and lapsed buyers), so that
every grade, tier and stage shows up.
"""

from __future__ import annotations

import contextlib
import random
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING

from custrel._cli._reading import TABLES
from custrel.io._write import open_writer
from custrel.models import (
    Channel,
    Complaint,
    ContactEvent,
    CustomerProfile,
    DealStatus,
    Direction,
    Need,
    Occasion,
    OccasionKind,
    Opportunity,
    Organization,
    Person,
    Purchase,
    Severity,
)

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Iterator

SAMPLE_AS_OF = date(2026, 11, 20)
SAMPLE_SEED = 13
SAMPLE_CUSTOMERS = 300


_CST = timezone(timedelta(hours=8))
_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu")
_GIVEN = ("Fang", "Wei", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Tao", "Xin", "Ping")
_PRODUCTS = (("tea set", 398), ("green tea", 88), ("oolong", 128), ("tea table", 2600))
_KINDS = ("prospect", "new", "regular", "growing", "slipping", "lapsed")
_KIND_WEIGHTS = (15, 10, 35, 10, 15, 15)


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(9, 18), rng.choice((0, 15, 30, 45))), _CST)


def _customer(
    index: int, rng: random.Random, as_of: date, events: int
) -> Iterator[tuple[str, object]]:
    """One customer's records: ``(table, record)`` pairs."""
    cid = f"c-{index:05d}"
    name = f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}"
    occasions = []
    if rng.random() < 0.8:  # noqa: PLR2004 - most customers told us their birthday
        born = as_of - timedelta(days=rng.randint(25 * 365, 60 * 365))
        occasions.append(Occasion(kind=OccasionKind.BIRTHDAY, on=born))
    organization = None
    if rng.random() < 0.3:  # noqa: PLR2004 - some customers are companies
        organization = Organization(
            name=f"{name.split(maxsplit=1)[0]} Trading Co.", headcount=rng.randint(5, 500)
        )
    created = as_of - timedelta(days=rng.randint(30, 900))
    yield (
        "profiles",
        CustomerProfile(
            customer_id=cid,
            person=Person(name=name, occasions=occasions),
            organization=organization,
            owner=f"rep-{rng.randint(1, 5)}",
            created_on=created,
        ),
    )
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    need = {"prospect": Need.POTENTIAL, "lapsed": Need.NONE}.get(kind, Need.EXPLICIT)
    for _ in range(rng.choice((0, 1, 1, 2))):
        close = None if rng.random() < 0.2 else as_of + timedelta(days=rng.randint(-20, 240))  # noqa: PLR2004
        status = DealStatus.POTENTIAL if need is not Need.EXPLICIT else DealStatus.NEGOTIATING
        yield (
            "opportunities",
            Opportunity(
                customer_id=cid,
                need=need if rng.random() < 0.8 else rng.choice(tuple(Need)),  # noqa: PLR2004
                expected_close=close,
                amount=Decimal(rng.randrange(1_000, 80_000, 100)),
                status=status,
            ),
        )
    purchases = 0 if kind == "prospect" else max(1, int(rng.expovariate(1 / events)))
    if kind == "new":
        purchases = 1
    span = {"lapsed": (400, 900), "new": (1, 80)}.get(kind, (60, 700))
    start = as_of - timedelta(days=rng.randint(*span))
    end = {"lapsed": start + timedelta(days=120), "slipping": as_of - timedelta(days=100)}.get(
        kind, as_of
    )
    end = max(start, end)
    days = sorted(
        start + timedelta(days=rng.randint(0, (end - start).days)) for _ in range(purchases)
    )
    for number, day in enumerate(days):
        product, price = rng.choice(_PRODUCTS)
        late = kind == "growing" and number > len(days) // 2
        amount = Decimal(price * (3 if late else 1)) * rng.randint(1, 3)
        yield (
            "purchases",
            Purchase(
                customer_id=cid,
                at=_at(day, rng),
                product=product,
                quantity=rng.randint(1, 3),
                amount=amount,
                profit=(amount * Decimal("0.3")).quantize(Decimal("0.01")),
                order_id=f"o-{index}-{number}",
            ),
        )
        if rng.random() < 0.03:  # noqa: PLR2004 - a few refunds
            yield (
                "purchases",
                Purchase(
                    customer_id=cid,
                    at=_at(min(day + timedelta(days=3), as_of), rng),
                    product=product,
                    amount=amount / 2,
                    refund=True,
                ),
            )
    recent = 30 if need is Need.EXPLICIT else 150  # deals in progress are followed closely
    for _ in range(rng.randint(0, max(1, events // 2))):
        day = as_of - timedelta(days=rng.randint(0, recent))
        yield (
            "contacts",
            ContactEvent(
                customer_id=cid,
                at=_at(day, rng),
                channel=rng.choice((Channel.PHONE, Channel.VISIT, Channel.EMAIL, Channel.CHAT)),
                direction=rng.choice(tuple(Direction)),
                reached=rng.random() < 0.8,  # noqa: PLR2004
            ),
        )
    complaints = 2 if kind == "slipping" and rng.random() < 0.5 else int(rng.random() < 0.05)  # noqa: PLR2004
    for _ in range(complaints):
        day = as_of - timedelta(days=rng.randint(0, 80))
        yield (
            "complaints",
            Complaint(
                customer_id=cid,
                at=_at(day, rng),
                severity=rng.choice(tuple(Severity)),
            ),
        )


def portfolio(
    customers: int, *, seed: int, as_of: date, events: int = 8
) -> Iterator[tuple[str, object]]:
    """Every record of a generated portfolio, customer by customer.

    Args:
        customers: How many customers.
        seed: The seed of the random draw.
        as_of: The reference day the histories lead up to.
        events: The mean number of purchases of a buying customer.

    Yields:
        ``(table, record)``, the table one of :data:`TABLES`.
    """
    rng = random.Random(seed)  # noqa: S311 - sample data, not cryptography
    for index in range(1, customers + 1):
        yield from _customer(index, rng, as_of, events)


def write_portfolio(
    folder: pathlib.Path,
    customers: int,
    *,
    seed: int,
    as_of: date,
    events: int = 8,
    form: str = "jsonl",
) -> dict[str, int]:
    """Write a generated portfolio as a folder of JSON Lines or CSV files.

    Args:
        folder: Where to write (created if needed).
        customers: How many customers.
        seed: The seed of the random draw.
        as_of: The reference day, also written to ``portfolio.json``.
        events: The mean number of purchases of a buying customer.
        form: ``"jsonl"`` or ``"csv"``.

    Returns:
        How many records each table got.
    """
    folder.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(TABLES, 0)
    with contextlib.ExitStack() as stack:
        sinks = {}
        for table, cls in TABLES.items():
            path = folder / f"{table}.{form}"
            sinks[table] = stack.enter_context(open_writer(cls, path, form=form))
        for table, record in portfolio(customers, seed=seed, as_of=as_of, events=events):
            sinks[table](record)
            counts[table] += 1
    (folder / "portfolio.json").write_text(f'{{"as_of": "{as_of.isoformat()}"}}\n')
    return counts
