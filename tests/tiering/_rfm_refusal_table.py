"""The refusals of RFM scores and segments (rules T3, T4), by name: (call, error class, field,
whole message, hint).
"""

from datetime import UTC, datetime

from custrel.errors import InvalidInputError, PolicyError
from custrel.tiering import RfmBox, RfmScore, RfmSegment, RfmSegmentPolicy, rfm_scores, rfm_segment
from tests._tier_samples import SQUARE, Case, box, sale, segment
from tests._values import AS_OF, D, untyped


def score(r: int = 1) -> RfmScore:
    return RfmScore(recency_days=None, frequency=0, monetary=D(0), r=r, f=1, m=1)


RANGE = "a score range (low, high) with 1 <= low <= high"


def too_many_boxes() -> RfmSegmentPolicy:
    rows = tuple(box((r, r), (1, 100), (1, 100)) for r in range(1, 101))
    return RfmSegmentPolicy(
        bins=100, segments=(segment("a", *rows), segment("b", *[box((1, 1), (1, 1), (1, 1))] * 101))
    )


RFM: dict[str, Case] = {
    "scores as of a datetime": (
        lambda: rfm_scores([], as_of=untyped(datetime(2026, 1, 1, tzinfo=UTC))),
        InvalidInputError,
        "as_of",
        (
            "as_of: expected a date, got datetime datetime.datetime(2026, 1, 1, 0, 0,"
            " tzinfo=datetime.timez...; pass value.date() for the calendar day"
        ),
        "pass value.date() for the calendar day",
    ),
    "zero bins": (
        lambda: rfm_scores([], as_of=AS_OF, bins=0),
        InvalidInputError,
        "bins",
        "bins: expected an int in 1..100, got int 0",
        "",
    ),
    "101 bins": (
        lambda: rfm_scores([], as_of=AS_OF, bins=101),
        InvalidInputError,
        "bins",
        "bins: expected an int in 1..100, got int 101",
        "",
    ),
    "customers given as one string": (
        lambda: rfm_scores([], as_of=AS_OF, customers="abc"),
        InvalidInputError,
        "customers",
        "customers: expected an iterable of customer ids, got str 'abc'",
        "",
    ),
    "a blank customer": (
        lambda: rfm_scores([], as_of=AS_OF, customers=["a", ""]),
        InvalidInputError,
        "customers[1]",
        "customers[1]: expected a non-blank string, got str ''",
        "",
    ),
    "purchases given as one string": (
        lambda: rfm_scores(untyped("p"), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got str 'p'",
        "",
    ),
    "a purchase that is not a Purchase": (
        lambda: rfm_scores(untyped([sale(), "x"]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got str 'x'",
        "",
    ),
    "a purchase of an unlisted customer": (
        lambda: rfm_scores([sale()], as_of=AS_OF, customers=["c-2"]),
        InvalidInputError,
        "purchases[0].customer_id",
        "purchases[0].customer_id: expected one of the customers given, got str 'c-1'",
        "",
    ),
    "a negative recency": (
        lambda: RfmScore(recency_days=-1, frequency=0, monetary=D(0), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.recency_days",
        "RfmScore.recency_days: expected an int >= 0 or None, got int -1",
        "",
    ),
    "no frequency": (
        lambda: RfmScore(recency_days=None, frequency=untyped(None), monetary=D(0), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.frequency",
        "RfmScore.frequency: expected an int >= 0, got NoneType None",
        "",
    ),
    "an int monetary": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=untyped(1), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.monetary",
        "RfmScore.monetary: expected a finite Decimal or int, got int 1",
        "",
    ),
    "an R score of 0": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=0, f=1, m=1),
        InvalidInputError,
        "RfmScore.r",
        "RfmScore.r: expected an int in 1..100, got int 0",
        "",
    ),
    "an F score of 101": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=1, f=101, m=1),
        InvalidInputError,
        "RfmScore.f",
        "RfmScore.f: expected an int in 1..100, got int 101",
        "",
    ),
    "a bool M score": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=1, f=1, m=True),
        InvalidInputError,
        "RfmScore.m",
        "RfmScore.m: expected an int in 1..100, got bool True",
        "",
    ),
    "an R range given as a list": (
        lambda: RfmBox(r=untyped([1, 2]), f=(1, 2), m=(1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got list [1, 2]",
        "",
    ),
    "an F range upside down": (
        lambda: box((1, 2), (2, 1), (1, 2)),
        InvalidInputError,
        "RfmBox.f",
        f"RfmBox.f: expected {RANGE}, got tuple (2, 1)",
        "",
    ),
    "an M range from 0": (
        lambda: box((1, 2), (1, 2), (0, 2)),
        InvalidInputError,
        "RfmBox.m",
        f"RfmBox.m: expected {RANGE}, got tuple (0, 2)",
        "",
    ),
    "a range of three scores": (
        lambda: RfmBox(r=untyped((1, 2, 3)), f=(1, 2), m=(1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got tuple (1, 2, 3)",
        "",
    ),
    "a range from a bool": (
        lambda: box((True, 2), (1, 2), (1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got tuple (True, 2)",
        "",
    ),
    "a segment without a name": (
        lambda: RfmSegment(name="", label_en="A", label_zh="A", boxes=(SQUARE.boxes)),
        InvalidInputError,
        "RfmSegment.name",
        "RfmSegment.name: expected a non-blank string, got str ''",
        "",
    ),
    "a blank English label": (
        lambda: RfmSegment(name="a", label_en=" ", label_zh="A", boxes=SQUARE.boxes),
        InvalidInputError,
        "RfmSegment.label_en",
        "RfmSegment.label_en: expected a non-blank string, got str ' '",
        "",
    ),
    "no Chinese label": (
        lambda: RfmSegment(name="a", label_en="A", label_zh=untyped(None), boxes=SQUARE.boxes),
        InvalidInputError,
        "RfmSegment.label_zh",
        "RfmSegment.label_zh: expected a non-blank string, got NoneType None",
        "",
    ),
    "one box not in a tuple": (
        lambda: RfmSegment(name="a", label_en="A", label_zh="A", boxes=untyped(SQUARE.boxes[0])),
        InvalidInputError,
        "RfmSegment.boxes",
        (
            "RfmSegment.boxes: expected a list or tuple of RfmBox,"
            " got RfmBox RfmBox(r=(1, 2), f=(1, 2), m=(1, 2))"
        ),
        "",
    ),
    "a box that is not an RfmBox": (
        lambda: RfmSegment(
            name="a", label_en="A", label_zh="A", boxes=untyped((*SQUARE.boxes, "x"))
        ),
        InvalidInputError,
        "RfmSegment.boxes[1]",
        "RfmSegment.boxes[1]: expected a RfmBox, got str 'x'",
        "",
    ),
    "a segment map of 0 bins": (
        lambda: RfmSegmentPolicy(bins=0, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.bins",
        "RfmSegmentPolicy.bins: expected an int in 1..100, got int 0",
        "",
    ),
    "one segment not in a tuple": (
        lambda: RfmSegmentPolicy(bins=2, segments=untyped(SQUARE)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected a list or tuple of RfmSegment, got RfmSegment"
            " RfmSegment(name='all', label_en='All', label_zh='all', bo..."
        ),
        "",
    ),
    "a segment that is not an RfmSegment": (
        lambda: RfmSegmentPolicy(bins=2, segments=untyped((SQUARE, SQUARE.boxes[0]))),
        PolicyError,
        "RfmSegmentPolicy.segments[1]",
        (
            "RfmSegmentPolicy.segments[1]: expected a RfmSegment,"
            " got RfmBox RfmBox(r=(1, 2), f=(1, 2), m=(1, 2))"
        ),
        "",
    ),
    "no segment": (
        lambda: RfmSegmentPolicy(bins=2, segments=()),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected at least one segment, names unique, got list []",
        "",
    ),
    "a name twice": (
        lambda: RfmSegmentPolicy(bins=2, segments=(SQUARE, SQUARE)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected at least one segment, names unique,"
            " got list ['all', 'all']"
        ),
        "",
    ),
    "a range past the bins": (
        lambda: RfmSegmentPolicy(bins=1, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.segments['all']",
        "RfmSegmentPolicy.segments['all']: expected score ranges within 1..1, got tuple (1, 2)",
        "",
    ),
    "more than 200 boxes": (
        too_many_boxes,
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected at most 200 boxes in all, got int 201",
        "",
    ),
    "the whole cube twice": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 3), (1, 3), (1, 3))),
                segment("b", box((1, 3), (1, 3), (1, 3))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered once only,"
            " got list [\"(1, 1, 1) in 'a' and 'b'\"]"
        ),
        "",
    ),
    "boxes sharing a corner inside the cube": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 2), (2, 3), (1, 3))),
                segment("b", box((2, 3), (1, 3), (3, 3))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered once only,"
            " got list [\"(2, 2, 3) in 'a' and 'b'\"]"
        ),
        "",
    ),
    "a cube with cells left over": (
        lambda: RfmSegmentPolicy(bins=3, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered,"
            " got list [(1, 1, 3), (1, 2, 3), (1, 3, 1)]"
        ),
        "",
    ),
    "a cube missing its last cell": (
        lambda: RfmSegmentPolicy(
            bins=2,
            segments=(
                segment("a", box((1, 1), (1, 2), (1, 2)), box((2, 2), (1, 1), (1, 2))),
                segment("b", box((2, 2), (2, 2), (1, 1))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered, got list [(2, 2, 2)]",
        "",
    ),
    "a cube missing its middle": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 3), (1, 3), (1, 1)), box((1, 3), (1, 3), (3, 3))),
                segment("b", box((2, 3), (1, 3), (2, 2)), box((1, 1), (2, 3), (2, 2))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered, got list [(1, 1, 2)]",
        "",
    ),
    "a segment of something else": (
        lambda: rfm_segment(untyped((1, 1, 1))),
        InvalidInputError,
        "score",
        "score: expected an RfmScore, got tuple (1, 1, 1)",
        "",
    ),
    "a segment by no policy": (
        lambda: rfm_segment(score(), policy=untyped(None)),
        InvalidInputError,
        "policy",
        "policy: expected an RfmSegmentPolicy, got NoneType None",
        "",
    ),
    "a score past the policy's bins": (
        lambda: rfm_segment(score(r=6)),
        InvalidInputError,
        "score",
        "score: expected scores from 1 to 5, the policy's bins, got tuple (6, 1, 1)",
        "",
    ),
}
