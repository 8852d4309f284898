"""The public surface changes only on purpose: this test pins it."""

import importlib
import importlib.metadata

import pytest

import custrel

PUBLIC = {
    "DEFAULT_LIFECYCLE",
    "ChurnSignal",
    "ChurnWindow",
    "CustomerStage",
    "LifecyclePolicy",
    "Stage",
    "StageExplanation",
    "churn_signals",
    "explain_stage",
    "highest_stage",
    "lifecycle_stage",
    "portfolio_stages",
    "stage_counts",
    "DEFAULT_SERVICE",
    "ComplaintEstimate",
    "ComplaintRoute",
    "ComplaintStep",
    "Handler",
    "Notice",
    "ServicePolicy",
    "complaint_follow_up_due",
    "estimate_complaints",
    "next_complaint_step",
    "route_complaint",
    "take_complaint_step",
    "DEFAULT_CADENCE",
    "DEFAULT_POOL",
    "DEFAULT_RECORD_WORKFLOW",
    "RECORD_WORKING_DAYS",
    "AgendaItem",
    "Cadence",
    "CadencePolicy",
    "Claim",
    "FollowUp",
    "PoolPolicy",
    "PoolReason",
    "PoolStatus",
    "RecordStep",
    "RecordWorkflowPolicy",
    "StepDue",
    "UpcomingOccasion",
    "add_working_days",
    "agenda",
    "assign_balanced",
    "cadence_for",
    "first_contact_day",
    "first_contact_deadline",
    "follow_up",
    "is_working_day",
    "last_follow_up",
    "minutes_deadline",
    "minutes_steps",
    "needs_reassignment",
    "next_due",
    "owner_by_first_record",
    "pool_status",
    "record_deadline",
    "record_steps",
    "upcoming_occasions",
    # working calendars (rule C4)
    "Beyond",
    "OutsideCalendarError",
    "Weekday",
    "WorkCalendar",
    "DEFAULT_RFM_SEGMENTS",
    "DEFAULT_TIERS",
    "CustomerCount",
    "Margin",
    "Relationship",
    "RfmBox",
    "RfmScore",
    "RfmSegment",
    "RfmSegmentPolicy",
    "Tier",
    "TierAction",
    "TierCuts",
    "TierExplanation",
    "TierMode",
    "TierPolicy",
    "ValueIndicators",
    "ValueMeasure",
    "WinBack",
    "customer_value",
    "explain_tier",
    "portfolio_values",
    "relationship_level",
    "retier",
    "rfm_scores",
    "rfm_segment",
    "tier_action",
    "tier_portfolio",
    "winback_priority",
    "DEFAULT_GRADING",
    "MISSING_VALUE",
    "BoundGradingPolicy",
    "DemandGrade",
    "GradeExplanation",
    "GradingPolicy",
    "Urgency",
    "customer_grade",
    "demand_grade",
    "explain_grade",
    "grade",
    "is_important",
    "urgency",
    "Calendar",
    "Channel",
    "Complaint",
    "ContactEvent",
    "ContactPoints",
    "CustomerProfile",
    "CustrelError",
    "DealStatus",
    "Direction",
    "FamilyMember",
    "Gender",
    "Grade",
    "Household",
    "InvalidInputError",
    "Need",
    "Occasion",
    "OccasionKind",
    "Opportunity",
    "Organization",
    "Person",
    "PolicyError",
    "Preferences",
    "Purchase",
    "Relation",
    "Severity",
    "__version__",
    "completeness",
    "dumps",
    "from_dict",
    "is_stale",
    "reachability",
    "label",
    "loads",
    "redact",
    "to_dict",
    # loyalty (rules Y1-Y6)
    "DEFAULT_LOYALTY",
    "DEFAULT_SATISFACTION",
    "LOYALTY_THRESHOLD",
    "NPS_SMALL_SAMPLE",
    "SATISFIED_SHARE",
    "LoyaltyContribution",
    "LoyaltyExplanation",
    "LoyaltyKind",
    "LoyaltyMeasure",
    "LoyaltyMeasures",
    "LoyaltyPolicy",
    "LoyaltyQuadrant",
    "LoyaltySignals",
    "NpsInterval",
    "SatisfactionBand",
    "SatisfactionMeasures",
    "SatisfactionPolicy",
    "TotalCustomerCost",
    "TotalCustomerValue",
    "delivered_value",
    "explain_loyalty",
    "loyalty_kind",
    "loyalty_quadrant",
    "loyalty_score",
    "nps",
    "nps_interval",
    "satisfaction",
    "satisfaction_bands",
    "satisfaction_index",
}

MODULES = [
    "cadence",
    "errors",
    "frames",
    "grading",
    "io",
    "labels",
    "lifecycle",
    "loyalty",
    "models",
    "plot",
    "profile",
    "serialize",
    "service",
    "strategies",
    "tiering",
]


def test_top_level_all_is_pinned() -> None:
    assert set(custrel.__all__) == PUBLIC


@pytest.mark.parametrize("name", MODULES)
def test_module_all_is_unique_and_complete(name: str) -> None:
    """Each name in ``__all__`` exists once (ruff's RUF022 keeps the order sorted)."""
    module = importlib.import_module(f"custrel.{name}")
    assert len(set(module.__all__)) == len(module.__all__)
    assert all(hasattr(module, public) for public in module.__all__)


CONSTANTS = {
    "DEFAULT_LIFECYCLE",
    "DEFAULT_SERVICE",
    "__version__",
    "MISSING_VALUE",
    "DEFAULT_GRADING",
    "DEFAULT_TIERS",
    "DEFAULT_RFM_SEGMENTS",
    "DEFAULT_CADENCE",
    "DEFAULT_POOL",
    "DEFAULT_RECORD_WORKFLOW",
    "RECORD_WORKING_DAYS",
    "DEFAULT_LOYALTY",
    "DEFAULT_SATISFACTION",
    "LOYALTY_THRESHOLD",
    "NPS_SMALL_SAMPLE",
    "SATISFIED_SHARE",
}


@pytest.mark.parametrize("name", sorted(PUBLIC - CONSTANTS))
def test_every_public_name_is_documented(name: str) -> None:
    doc = getattr(custrel, name).__doc__
    assert doc
    assert ">>>" in doc


@pytest.mark.parametrize(
    ("module", "name"),
    [(m, n) for m in ("io", "plot") for n in importlib.import_module(f"custrel.{m}").__all__],
)
def test_every_name_of_the_file_and_chart_modules_is_documented(module: str, name: str) -> None:
    doc = getattr(importlib.import_module(f"custrel.{module}"), name).__doc__
    assert doc
    assert ">>>" in doc


def test_version_comes_from_the_installed_metadata() -> None:
    assert custrel.__version__ == importlib.metadata.version("custrel")


FRAMES = {
    "agenda_frame",
    "follow_up_frame",
    "grade_frame",
    "rfm_frame",
    "stage_frame",
    "tier_cuts_frame",
    "tier_frame",
    "value_frame",
}


def test_frames_is_an_extra_pinned_apart() -> None:
    """custrel.frames needs the 'frames' extra, so custrel does not import it."""
    frames = importlib.import_module("custrel.frames")
    assert set(frames.__all__) == FRAMES
    assert not FRAMES & set(custrel.__all__)


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_every_frames_name_is_documented(name: str) -> None:
    doc = getattr(importlib.import_module("custrel.frames"), name).__doc__
    assert doc
    assert ">>>" in doc
