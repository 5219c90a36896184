"""Wrappers that make Lean envs usable by off-the-shelf RL libraries (stable-baselines3 and others)."""

from __future__ import annotations

from leangym.wrappers.candidate_actions import CandidateActions, CandidateSlots, VectorCandidateActions
from leangym.wrappers.candidates import CandidateInfo
from leangym.wrappers.discrete import DEFAULT_TACTICS, DiscreteTactics
from leangym.wrappers.features import GoalFeatures, hashed_ngrams
from leangym.wrappers.shaping import ShapedReward, VectorShapedReward

__all__ = [
    "DEFAULT_TACTICS",
    "CandidateActions",
    "CandidateInfo",
    "CandidateSlots",
    "DiscreteTactics",
    "GoalFeatures",
    "ShapedReward",
    "VectorCandidateActions",
    "VectorShapedReward",
    "hashed_ngrams",
]
