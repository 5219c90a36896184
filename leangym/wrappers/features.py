"""Fixed-size float features of the goal text, so vector-input agents (SB3's MlpPolicy) can read goals."""

from __future__ import annotations

import zlib
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from leangym.errors import ConfigError


def hashed_ngrams(text: str, dim: int, ngram_range: tuple[int, int] = (1, 3)) -> np.ndarray:
    """Character n-gram counts hashed into ``dim`` buckets, ``log1p``-scaled, in ``[0, 1]``.

    CRC32 rather than ``hash()``: Python salts string hashes per process, and features must be the same
    in every worker of a vector env and across runs.
    """
    out = np.zeros(dim, dtype=np.float32)
    lo, hi = ngram_range
    for n in range(lo, hi + 1):
        for i in range(len(text) - n + 1):
            out[zlib.crc32(text[i : i + n].encode()) % dim] += 1.0
    np.log1p(out, out=out)
    peak = out.max()
    if peak > 0:
        out /= peak
    return out


class GoalFeatures(gym.ObservationWrapper, gym.utils.RecordConstructorArgs):
    """Observation = hashed character n-grams of the goal text: ``Box(0, 1, (dim,), float32)``.

    The raw goal text stays available as ``info["goals"]`` (and in the unwrapped env).
    """

    def __init__(self, env: gym.Env, dim: int = 256, ngram_range: tuple[int, int] = (1, 3)) -> None:
        gym.utils.RecordConstructorArgs.__init__(self, dim=dim, ngram_range=ngram_range)
        gym.ObservationWrapper.__init__(self, env)
        if dim < 1:
            raise ConfigError(f"dim must be >= 1, got {dim}")
        if not 1 <= ngram_range[0] <= ngram_range[1]:
            raise ConfigError(f"ngram_range must be (lo, hi) with 1 <= lo <= hi, got {ngram_range}")
        self.dim = dim
        self.ngram_range = ngram_range
        self.observation_space = spaces.Box(0.0, 1.0, shape=(dim,), dtype=np.float32)

    def observation(self, observation: Any) -> np.ndarray:
        return hashed_ngrams(str(observation), self.dim, self.ngram_range)
