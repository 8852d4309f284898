"""The refusals of the value pyramid (rules T1, T2), by name: (call, error class, field, whole
message, hint).
"""

from custrel.errors import InvalidInputError, PolicyError
from custrel.tiering import Tier, TierCuts, TierMode, TierPolicy, retier, tier_portfolio
from tests._tier_samples import FLOAT_HINT, Case, cuts, cuts_with
from tests._values import D, untyped

TIERS = "('vip', 'major', 'ordinary', 'small')"

PYRAMID: dict[str, Case] = {
    "shares not a tuple": (
        lambda: TierPolicy(shares=untyped({D(1)})),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected four shares (VIP, major, ordinary, small),"
            " got set {Decimal('1')}"
        ),
        "",
    ),
    "one share in a list": (
        lambda: TierPolicy(shares=untyped([1])),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected four shares (VIP, major, ordinary, small),"
            " got tuple (Decimal('1'),)"
        ),
        "",
    ),
    "three shares": (
        lambda: TierPolicy(shares=untyped((D("0.5"), D("0.25"), D("0.25")))),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected four shares (VIP, major, ordinary, small),"
            " got tuple (Decimal('0.5'), Decimal('0.25'), Decimal('0.25'))"
        ),
        "",
    ),
    "a NaN float share": (
        lambda: TierPolicy(shares=untyped((D("0.5"), float("nan"), D("0.2"), D("0.05")))),
        PolicyError,
        "TierPolicy.shares[1]",
        "TierPolicy.shares[1]: expected a finite number > 0, got float nan; a ratio must be finite",
        "a ratio must be finite",
    ),
    "a bool share": (
        lambda: TierPolicy(shares=untyped((D("0.5"), True, D("0.2"), D("0.05")))),
        PolicyError,
        "TierPolicy.shares[1]",
        (
            "TierPolicy.shares[1]: expected a finite number > 0, got bool True;"
            " True and False are not numbers"
        ),
        "True and False are not numbers",
    ),
    "a zero share": (
        lambda: TierPolicy(shares=(D("0.5"), D("0.5"), D(0), D(0))),
        PolicyError,
        "TierPolicy.shares[2]",
        (
            "TierPolicy.shares[2]: expected a finite number > 0, got Decimal Decimal('0');"
            " e.g. 0.01 or Decimal('0.01')"
        ),
        "e.g. 0.01 or Decimal('0.01')",
    ),
    "a NaN share": (
        lambda: TierPolicy(shares=(D("0.5"), D("0.5"), D("NaN"), D(0))),
        PolicyError,
        "TierPolicy.shares[2]",
        (
            "TierPolicy.shares[2]: expected a finite number > 0, got Decimal Decimal('NaN');"
            " a ratio must be finite"
        ),
        "a ratio must be finite",
    ),
    "shares not summing to 1": (
        lambda: TierPolicy(shares=(D("0.1"), D("0.2"), D("0.3"), D("0.3"))),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected shares summing to exactly 1, got tuple"
            " (Decimal('0.1'), Decimal('0.2'), Decimal('0.3'), Decimal(..."
        ),
        "",
    ),
    "a mode given as text": (
        lambda: TierPolicy(mode=untyped("value_share")),
        PolicyError,
        "TierPolicy.mode",
        (
            "TierPolicy.mode: expected a TierMode ('head_count', 'value_share'),"
            " got str 'value_share'; pass TierMode('value_share')"
        ),
        "pass TierMode('value_share')",
    ),
    "values not a mapping": (
        lambda: tier_portfolio(untyped([1, 2])),
        InvalidInputError,
        "values",
        "values: expected a mapping of customer id to value, got list [1, 2]",
        "",
    ),
    "a blank customer id": (
        lambda: tier_portfolio({" ": 1}),
        InvalidInputError,
        "values key",
        "values key: expected a non-blank string, got str ' '",
        "",
    ),
    "a customer id that is not text": (
        lambda: tier_portfolio(untyped({1: 1})),
        InvalidInputError,
        "values key",
        "values key: expected a non-blank string, got int 1",
        "",
    ),
    "a float value": (
        lambda: tier_portfolio(untyped({"a": 1.5})),
        InvalidInputError,
        "values['a']",
        (
            f"values['a']: expected a finite Decimal or int, got float 1.5; pass Decimal('1.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a NaN value": (
        lambda: tier_portfolio({"a": D("NaN")}),
        InvalidInputError,
        "values['a']",
        "values['a']: expected a finite Decimal or int, got Decimal Decimal('NaN')",
        "",
    ),
    "a value of 16 digits": (
        lambda: tier_portfolio({"a": 10**15}),
        InvalidInputError,
        "values['a']",
        (
            "values['a']: expected a finite Decimal or int with at most 15 digits before the"
            " point, got Decimal Decimal('1000000000000000')"
        ),
        "",
    ),
    "a policy that is not a TierPolicy": (
        lambda: tier_portfolio({"a": 1}, policy=untyped("x")),
        InvalidInputError,
        "policy",
        "policy: expected a TierPolicy, got str 'x'",
        "",
    ),
    "a negative value by value share": (
        lambda: tier_portfolio({"a": 1, "b": -1}, policy=TierPolicy(mode=TierMode.VALUE_SHARE)),
        InvalidInputError,
        "values['b']",
        "values['b']: expected a value >= 0 in value-share mode, got int -1",
        "",
    ),
    "cuts of no customer": (
        lambda: TierCuts.from_values({}),
        InvalidInputError,
        "values",
        "values: expected at least one customer, got dict {}",
        "",
    ),
    "cuts with no policy": (
        lambda: TierCuts.from_values({"a": 1}, policy=untyped(None)),
        InvalidInputError,
        "policy",
        "policy: expected a TierPolicy, got NoneType None",
        "",
    ),
    "a float VIP cut": (
        lambda: cuts_with(vip=1.5),
        InvalidInputError,
        "TierCuts.vip",
        (
            "TierCuts.vip: expected a finite Decimal or int or None, got float 1.5;"
            f" pass Decimal('1.5'); {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a major cut given as text": (
        lambda: cuts_with(major="1"),
        InvalidInputError,
        "TierCuts.major",
        "TierCuts.major: expected a finite Decimal or int or None, got str '1'",
        "",
    ),
    "an infinite ordinary cut": (
        lambda: cuts_with(ordinary=D("Infinity")),
        InvalidInputError,
        "TierCuts.ordinary",
        (
            "TierCuts.ordinary: expected a finite Decimal or int or None,"
            " got Decimal Decimal('Infinity')"
        ),
        "",
    ),
    "cuts of zero customers": (
        lambda: cuts_with(customers=0),
        InvalidInputError,
        "TierCuts.customers",
        "TierCuts.customers: expected an int >= 1, got int 0",
        "",
    ),
    "cuts without a fingerprint": (
        lambda: cuts_with(policy_fingerprint=""),
        InvalidInputError,
        "TierCuts.policy_fingerprint",
        "TierCuts.policy_fingerprint: expected a non-blank string, got str ''",
        "",
    ),
    "the tier of a float": (
        lambda: cuts().tier_of(untyped(2.5)),
        InvalidInputError,
        "value",
        (
            f"value: expected a finite Decimal or int, got float 2.5; pass Decimal('2.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('2.5'); {FLOAT_HINT}",
    ),
    "the tier of NaN": (
        lambda: cuts().tier_of(D("NaN")),
        InvalidInputError,
        "value",
        "value: expected a finite Decimal or int, got Decimal Decimal('NaN')",
        "",
    ),
    "the least value of a tier given as text": (
        lambda: cuts().least_value(untyped("vip")),
        InvalidInputError,
        "tier",
        f"tier: expected a Tier {TIERS}, got str 'vip'; pass Tier('vip')",
        "pass Tier('vip')",
    ),
    "retier without cuts": (
        lambda: retier(1, previous=None, cuts=untyped({"vip": 1}), band=0),
        InvalidInputError,
        "cuts",
        "cuts: expected a TierCuts, got dict {'vip': 1}",
        "",
    ),
    "retier from a tier given as text": (
        lambda: retier(1, previous=untyped("vip"), cuts=cuts(), band=0),
        InvalidInputError,
        "previous",
        f"previous: expected a Tier {TIERS} or None, got str 'vip'; pass Tier('vip')",
        "pass Tier('vip')",
    ),
    "a negative band": (
        lambda: retier(1, previous=None, cuts=cuts(), band=-1),
        InvalidInputError,
        "band",
        "band: expected a finite Decimal or int >= 0, got Decimal Decimal('-1')",
        "",
    ),
    "a float band": (
        lambda: retier(1, previous=None, cuts=cuts(), band=untyped(0.5)),
        InvalidInputError,
        "band",
        (
            "band: expected a finite Decimal or int >= 0, got float 0.5; pass Decimal('0.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('0.5'); {FLOAT_HINT}",
    ),
    "retier no value": (
        lambda: retier(untyped(None), previous=Tier.VIP, cuts=cuts(), band=1),
        InvalidInputError,
        "value",
        "value: expected a finite Decimal or int, got NoneType None",
        "",
    ),
}
