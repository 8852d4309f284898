"""Estimating the complaints never voiced (rule S3)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.service._routing import (
    DEFAULT_SERVICE,
    ServicePolicy,
    _check_policy,
    _estimate,
    _share,
)

__all__ = ["ComplaintEstimate", "estimate_complaints"]


# rule S3 ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComplaintEstimate:
    """The complaints heard and an estimate of those never voiced (rule S3).

    Args:
        voiced: Complaints that reached the service staff.
        estimated_total: ``voiced / reach_share``, rounded half up to a whole number.
        unvoiced: ``estimated_total - voiced``: grievances that never reached anyone.
        reach_share: The share assumed to reach the service staff.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, or
            ``unvoiced`` is not ``estimated_total - voiced``.

    >>> from custrel.service import estimate_complaints
    >>> estimate_complaints(12).unvoiced
    28
    >>> from decimal import Decimal
    >>> from custrel.service import ComplaintEstimate
    >>> ComplaintEstimate(voiced=12, estimated_total=40, unvoiced=30, reach_share=Decimal("0.3"))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: ComplaintEstimate.unvoiced: expected estimated_total - voiced (28), got int 30
    """  # noqa: E501 - a doctest output line

    voiced: int = attrs.field(validator=c.checked(c.count(0)))
    estimated_total: int = attrs.field(validator=c.checked(_estimate))
    unvoiced: int = attrs.field(validator=c.checked(_estimate))
    reach_share: Decimal = attrs.field(validator=c.checked(_share))

    def __attrs_post_init__(self) -> None:
        """Check that the unvoiced complaints are the estimate less the voiced ones."""
        if self.unvoiced != self.estimated_total - self.voiced:
            raise InvalidInputError(
                "ComplaintEstimate.unvoiced",
                self.unvoiced,
                f"estimated_total - voiced ({self.estimated_total - self.voiced})",
            )


def estimate_complaints(
    voiced: int, /, *, policy: ServicePolicy = DEFAULT_SERVICE
) -> ComplaintEstimate:
    """Estimate the complaints that never reached the service staff (rule S3).

    By incomplete statistics only about 30 % of complaints (抱怨) reach the service
    staff directly; the rest accumulate unheard and may turn into formal complaints
    (投诉). Regular contact is how they surface. This is an estimate for a report, not
    a count: ``voiced / reach_share``, rounded half up.

    Args:
        voiced: The complaints received in the period.
        policy: Holds ``reach_share``, 0.3 by default.

    Returns:
        The voiced count, the estimated total and the unvoiced remainder.

    Raises:
        InvalidInputError: If ``voiced`` is not an int of 0 or more.

    >>> from custrel.service import estimate_complaints
    >>> e = estimate_complaints(30)
    >>> e.estimated_total, e.unvoiced
    (100, 70)
    >>> estimate_complaints(-1)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: voiced: expected an int >= 0, got int -1
    """
    c.count(0)("voiced", voiced)
    policy = _check_policy(policy)
    quotient = c.CONTEXT.divide(Decimal(voiced), policy.reach_share)
    total = int(quotient.to_integral_value(ROUND_HALF_UP, c.CONTEXT))
    return c.unchecked(
        ComplaintEstimate,
        voiced=voiced,
        estimated_total=total,
        unvoiced=total - voiced,
        reach_share=policy.reach_share,
    )
