"""A table's header row: fields by name, Chinese label or mapping; what refuses a file."""

import pathlib
from decimal import Decimal
from typing import Any

import pytest

from custrel import io
from custrel.errors import InvalidInputError
from custrel.models import Purchase

ROW = "c-1,2026-11-02T09:30Z,tea,9\n"


def read(path: pathlib.Path, **kwargs: Any) -> io.Records[Purchase]:
    records = io.read_csv(Purchase, path, **kwargs)
    list(records)
    return records


def test_an_unknown_column_is_a_notice_with_a_did_you_mean_and_the_file_is_read(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(
        "customer_id,at,product,amount,备注,order_idd,\n" + ROW.replace("\n", ",x,o-1,\n")
    )
    records = io.read_csv(Purchase, path)
    assert [p.amount for p in records] == [9]
    assert records.problems == []
    assert records.notices == [
        "备注: not a field of Purchase; ignored",
        "order_idd: not a field of Purchase; ignored (did you mean order_id?)",
        "column 7: no name in the header; ignored",
    ]


@pytest.mark.parametrize(
    "first",
    [
        "c-1,2026-11-02T09:30Z,tea,9\n",  # data where the header should be
        "王芳,13800138000,北京市,VIP,rep-1\n",
    ],
)
def test_a_file_without_a_header_row_is_refused_without_echoing_its_cells(
    tmp_path: pathlib.Path, first: str
) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(first + ROW)
    records = read(path)
    assert records.good == 0
    [message] = [str(p) for p in records.problems]
    assert message.startswith(
        f"{path}:1: header: expected a header row naming the fields of Purchase, got a first"
        " line of "
    )
    assert message.endswith(
        "no header row? The file is not read (its cells are not shown: they may be personal"
        " data); add a header row (docs/cli.md lists the names)"
    )
    for cell in first.strip().split(","):
        assert cell not in message.split("got", 1)[1].replace("Purchase", "")
    assert records.refused == message.split(": ", 1)[1]


def test_two_columns_of_one_field_refuse_the_file_in_one_message(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text("客户编号,时间,日期,产品,金额\nc-1,2026-11-02T09:30Z,2026-11-02,tea,9\n")
    [bad] = read(path).problems
    assert [str(e) for e in bad.errors] == ["at: expected one column only, got str '时间 and 日期'"]


def test_a_mapping_names_any_header_and_is_checked(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text("会员,交易日期,品名,实收\n" + ROW)
    records = io.read_csv(
        Purchase, path, columns={"会员": "customer_id", "交易日期": "at", "实收": "amount"}
    )
    assert [(p.customer_id, p.product, p.amount) for p in records] == [("c-1", "tea", Decimal(9))]
    with pytest.raises(InvalidInputError) as caught:
        io.read_csv(Purchase, path, columns={"实收": "paid"})
    assert str(caught.value).startswith(
        "columns['实收']: expected the name of a field of Purchase (amount, at, customer_id,"
    )
    with pytest.raises(InvalidInputError, match="columns: expected a mapping"):
        io.read_csv(Purchase, path, columns=["实收"])  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"columns\[3\]: expected the name"):
        io.read_csv(Purchase, path, columns={3: "amount"})  # type: ignore[dict-item]


def test_an_empty_file_and_a_header_alone_have_no_records(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    for text in ("", "customer_id,at,product,amount\n"):
        path.write_text(text)
        records = read(path)
        assert (records.good, records.problems, records.refused) == (0, [], None)
