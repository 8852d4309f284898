"""What every policy class shares: data round trips and a stable fingerprint; private.

A policy is a frozen attrs class of thresholds whose defaults are the rule book's.
Subclassing :class:`Policy` gives it ``to_dict``, ``from_dict`` (raising
:class:`~custrel.errors.PolicyError`) and ``fingerprint``.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, ClassVar, Self

from custrel.errors import InvalidInputError, PolicyError
from custrel.serialize import from_dict, to_dict
from custrel.serialize._converter import _canonical_dict

if TYPE_CHECKING:
    from collections.abc import Mapping

_FINGERPRINT_CHARS = 16


class Policy:
    """Mixin for policy classes (put it first among the bases of an attrs class)."""

    __slots__ = ()

    # serialize.from_dict raises this for a policy, whichever entry point loads it.
    _load_error: ClassVar[type[InvalidInputError]] = PolicyError

    def to_dict(self) -> dict[str, Any]:
        """This policy as plain data that :meth:`from_dict` reads back.

        Returns:
            A JSON-ready dict.
        """
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object], /) -> Self:
        """Build the policy from plain data, such as a parsed JSON or TOML file.

        Missing keys take the rule book's defaults; unknown keys are refused.

        Args:
            data: The policy's fields.

        Returns:
            The validated policy.

        Raises:
            PolicyError: Naming every wrong or unknown field.
        """
        return from_dict(cls, data)

    def fingerprint(self) -> str:
        """A short, stable hash naming this policy's exact thresholds.

        Equal policies have equal fingerprints (``Decimal('0.30')`` and
        ``Decimal('0.3')`` alike), in any process and on any machine, so a stored result
        can record which rules produced it.

        Returns:
            16 hexadecimal characters.
        """
        canonical = json.dumps(
            {"policy": type(self).__name__, "fields": _canonical_dict(self)},
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=True,
        )
        return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:_FINGERPRINT_CHARS]
