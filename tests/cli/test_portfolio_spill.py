"""The spill behind the report: records bucketed by customer, a large portfolio on disk in
batches.
"""

from custrel._cli import _portfolio

# The spill behind the report: buckets by customer, a large one on disk in batches.


def test_a_spill_of_one_part_keeps_every_record_in_memory() -> None:
    spill = _portfolio._Spill(1)
    records = [("c-1", 3, index) for index in range(_portfolio._BATCH + 1)]
    for record in records:
        spill.add(*record)
    assert list(spill.buckets()) == [records]


def test_a_spill_of_several_parts_holds_at_most_one_batch_a_bucket_in_memory() -> None:
    spill = _portfolio._Spill(2)
    records = [("c-1", 3, index) for index in range(2 * _portfolio._BATCH + 1)]
    for record in records:
        spill.add(*record)
    assert sum(len(buffer) for buffer in spill._buffers) <= _portfolio._BATCH
    assert sorted(map(len, spill.buckets())) == [0, len(records)]


def test_a_spill_puts_all_of_a_customers_records_in_one_of_its_buckets() -> None:
    spill = _portfolio._Spill(4)
    ids = [f"c-{index}" for index in range(64)]
    for cid in ids:
        for table in range(3):
            spill.add(cid, table, None)
    buckets = [{cid for cid, _, _ in bucket} for bucket in spill.buckets()]
    assert sum(map(len, buckets)) == len(ids)  # no customer in two buckets
    assert set().union(*buckets) == set(ids)
    assert sum(1 for bucket in buckets if bucket) > 1
