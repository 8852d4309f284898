r"""Reading real files: JSON Lines and CSV records into models, and policy files.

The command line reads portfolios with these functions, and so can any script.
Readers stream: they yield one validated model at a time, so a file of any size is
read in constant memory. A bad record never stops the others: it is reported as a
:class:`BadRecord` (file, line, field and what is wrong, personal values masked as
everywhere in custrel) and reading goes on, unless ``strict=True``.

JSON Lines hold one record a line in the form of :func:`custrel.to_dict`; JSON
numbers are read exactly (``12.50`` is ``Decimal('12.50')``). CSV files have a header
row naming the fields (:func:`csv_columns`) or giving their Chinese labels (``客户编号``,
``时间``, ``金额``): an empty cell is a missing value, integers and decimals are text
(``1,234.50``, ``¥1,234.50`` and ``1234.5元`` too), dates year first (``2026/11/2``,
``2026年11月2日``), timestamps with a UTC offset (or naive, with ``tz=``), enum values
as custrel writes them or in Chinese (``visit``, ``拜访``), yes/no fields as ``true``
or ``false`` (``是``/``否``), lists of words separated by ``;`` (or a JSON list, when a
word holds a ``;``) and lists of records (a person's occasions) as JSON. Excel
workbooks are read sheet by sheet with :func:`read_excel`. Each file's encoding is
found before it is read (UTF-8, GB18030, UTF-16 with a byte-order mark). A wrong
optional cell is left empty and reported; only a wrong required cell refuses its
record (docs/cli.md, "Reading a real export").

>>> import pathlib, tempfile
>>> from custrel.io import read_csv
>>> from custrel.models import Purchase
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "purchases.csv").write_text(
...     "客户编号,时间,产品,数量,金额,备注\n"
...     "c-1,2026-11-02T09:30:00+08:00,tea,2,\"¥1,234.50\",VIP\n"
...     "c-2,2026/11/3 10:00,tea,1,12.5,\n"
...     "c-3,2026-11-04T10:00:00+08:00,tea,two,12元,\n", encoding="utf-8")
>>> rows = read_csv(Purchase, folder / "purchases.csv")
>>> [(p.customer_id, p.quantity, p.amount) for p in rows]
[('c-1', 2, Decimal('1234.50')), ('c-3', 1, Decimal('12'))]
>>> rows.notices
['备注: not a field of Purchase; ignored']
>>> for bad in rows.problems:
...     print(bad)
/.../purchases.csv:3: at: expected an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00), got str '2026/11/3 10:00'; or give the zone of naive times: --tz ZONE at the command line, tz= in Python
/.../purchases.csv:4: left empty: quantity: expected an integer such as 3, -3, 1,234 or 3.0, got str 'two'
"""  # noqa: E501 - doctest output lines

from custrel.io._cells import (
    csv_columns,
)
from custrel.io._csv import (
    read_csv,
)
from custrel.io._jsonl import (
    read_jsonl,
)
from custrel.io._policies import (
    Policies,
    load_policies,
)
from custrel.io._records import (
    BadRecord,
    Records,
)
from custrel.io._workbook import (
    read_excel,
)
from custrel.io._write import (
    write_csv,
    write_jsonl,
)

__all__ = [
    "BadRecord",
    "Policies",
    "Records",
    "csv_columns",
    "load_policies",
    "read_csv",
    "read_excel",
    "read_jsonl",
    "write_csv",
    "write_jsonl",
]
