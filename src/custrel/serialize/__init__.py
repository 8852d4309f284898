"""Plain data and JSON for every custrel model and policy, through one cattrs converter.

The format is stable and JSON-ready: dates and datetimes are ISO 8601 strings
(datetimes with their UTC offset), ``Decimal`` amounts are strings, enums are their
string values, sets are sorted lists, tuples are lists and calendar periods
(``relativedelta``) are mappings such as ``{"months": 1}``. Reading is strict: unknown
keys are refused, types are not coerced (``"3"`` is not a quantity, ``"yes"`` is not a
flag) and every problem found is reported in one
:class:`~custrel.errors.InvalidInputError`, one line per problem with its path
(``person.family[1].birthday``).

>>> from datetime import date
>>> from custrel.models import CustomerProfile, Person
>>> from custrel.serialize import dumps, from_dict, loads, to_dict
>>> profile = CustomerProfile(customer_id="c-1", person=Person(name="Wang Fang"),
...                           created_on=date(2024, 2, 29))
>>> to_dict(profile)["created_on"]
'2024-02-29'
>>> loads(CustomerProfile, dumps(profile)) == profile
True
>>> from_dict(CustomerProfile, {"customer_id": "c-1", "created_on": "2024-02-30",
...                             "person": {"name": "Wang Fang", "age": "41"}})
Traceback (most recent call last):
...
custrel.errors.InvalidInputError: 2 invalid fields:
  person.age: expected an int in 0..150 or None, got str '41'
  created_on: expected an ISO 8601 date (YYYY-MM-DD), got str '2024-02-30'
"""

from custrel.serialize._converter import (
    from_dict,
    to_dict,
)
from custrel.serialize._json import (
    dumps,
    loads,
)

__all__ = [
    "dumps",
    "from_dict",
    "loads",
    "to_dict",
]
