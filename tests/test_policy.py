"""The policy base every rule family's policy builds on."""

import subprocess
import sys

import attrs
import pytest
from dateutil.relativedelta import relativedelta

from custrel._policy import Policy
from custrel.errors import PolicyError


def _positive(_instance: object, attribute: "attrs.Attribute[int]", value: int) -> None:
    if value <= 0:
        raise PolicyError(f"ExamplePolicy.{attribute.name}", value, "an int > 0")


@attrs.frozen(kw_only=True)
class ExamplePolicy(Policy):
    horizon: relativedelta = relativedelta(months=1)  # noqa: RUF009 - never mutated
    limit: int = attrs.field(default=3, validator=_positive)


def test_round_trip() -> None:
    policy = ExamplePolicy(limit=5)
    assert policy.to_dict() == {"horizon": {"months": 1}, "limit": 5}
    assert ExamplePolicy.from_dict(policy.to_dict()) == policy


def test_missing_keys_take_the_defaults() -> None:
    assert ExamplePolicy.from_dict({}) == ExamplePolicy()


def test_every_problem_is_a_policy_error() -> None:
    with pytest.raises(PolicyError) as info:
        ExamplePolicy.from_dict({"horizon": {"hours": 1}, "limt": 2})
    assert [type(e) for e in info.value.errors] == [PolicyError, PolicyError]
    assert [e.field for e in info.value.errors] == ["horizon", "limt"]


def test_validator_policy_errors_pass_through() -> None:
    with pytest.raises(PolicyError, match="limit: expected an int > 0, got int 0"):
        ExamplePolicy.from_dict({"limit": 0})


def test_fingerprint_is_pinned_and_follows_the_values() -> None:
    assert ExamplePolicy().fingerprint() == "e4cf49098a708f73"
    assert ExamplePolicy(limit=4).fingerprint() != ExamplePolicy().fingerprint()
    assert ExamplePolicy(limit=3).fingerprint() == ExamplePolicy().fingerprint()


def test_fingerprint_is_the_same_in_another_process() -> None:
    code = (
        "import hashlib, json;"
        "f = {'horizon': {'months': 1}, 'limit': 3};"
        "c = json.dumps({'policy': 'ExamplePolicy', 'fields': f},"
        " sort_keys=True, separators=(',', ':'));"
        "print(hashlib.sha256(c.encode()).hexdigest()[:16])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ExamplePolicy().fingerprint()


def test_policies_have_no_instance_dict() -> None:
    assert not hasattr(ExamplePolicy(), "__dict__")


def _policy_classes() -> list[type[Policy]]:
    import custrel  # noqa: PLC0415 - every policy class custrel exports

    return sorted(
        (
            cls
            for cls in vars(custrel).values()
            if isinstance(cls, type) and issubclass(cls, Policy) and cls is not Policy
        ),
        key=lambda cls: cls.__name__,
    )


def _constructor_fields() -> list[tuple[type[Policy], str]]:
    import inspect  # noqa: PLC0415

    return [
        (cls, name)
        for cls in _policy_classes()
        for name in inspect.signature(cls).parameters
        if name != "name"  # WorkCalendar's name is free text: any string is a name
    ]


@pytest.mark.parametrize(
    ("cls", "field"), _constructor_fields(), ids=lambda x: getattr(x, "__name__", x)
)
@pytest.mark.parametrize("bad", [object(), "x", -1], ids=["an object", "a string", "minus one"])
def test_every_policy_constructor_raises_policy_error_naming_the_field(
    cls: type[Policy], field: str, bad: object
) -> None:
    # TierPolicy(mode="x") raised InvalidInputError: the docs promise PolicyError
    with pytest.raises(PolicyError) as info:
        cls(**{field: bad})
    assert f"{cls.__name__}.{field}" in str(info.value)
