"""Policies served elsewhere: an OpenAI-compatible completions server, or vLLM in this process.

Both send all states of a call in one request (a list of prompts, ``n = k`` samples each) so the
server batches them and, with prefix caching, shares each prompt's KV cache across its samples.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence

from leangym.errors import BackendUnavailable, ConfigError
from leangym.policy.base import Candidate, finalize
from leangym.policy.formats import Observation, PromptFormat, get_format


class OpenAIPolicy:
    """Tactics from an OpenAI-compatible ``/v1/completions`` endpoint (``vllm serve``, sglang, ...).

    The server must honour ``logprobs`` (per-token log-probs are summed into the candidate's
    log-prob; a server that omits them gets log-prob 0 for every candidate, which flattens the search
    priority). Only the standard library is used, so this needs no extra install.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        prompt_format: str | PromptFormat = "bfs",
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_tokens: int = 64,
        api_key: str | None = None,
        timeout: float = 600.0,
    ) -> None:
        self.url = base_url.rstrip("/") + (
            "/completions" if base_url.rstrip("/").endswith("/v1") else "/v1/completions"
        )
        self.model = model
        self.format = get_format(prompt_format)
        self.temperature = temperature
        self.top_p = top_p
        self.max_tokens = max_tokens
        self.api_key = api_key
        self.timeout = timeout

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        if k < 1:
            raise ConfigError(f"k must be >= 1, got {k}")
        if not observations:
            return []
        body = {
            "model": self.model,
            "prompt": [self.format.render(o) for o in observations],
            "n": k,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "logprobs": 0,
        }
        if self.format.stop:
            body["stop"] = list(self.format.stop)
        reply = self._post(body)
        per_prompt: list[list[Candidate]] = [[] for _ in observations]
        for j, choice in enumerate(reply.get("choices", [])):
            # OpenAI orders choices prompt-major; "index" is the position in that order.
            idx = choice.get("index", j) // k
            if not 0 <= idx < len(observations) or choice.get("finish_reason") == "length":
                continue
            lps = [x for x in ((choice.get("logprobs") or {}).get("token_logprobs") or []) if x is not None]
            per_prompt[idx].append(
                Candidate(self.format.parse(choice.get("text", "")), sum(lps), max(1, len(lps)))
            )
        return [finalize(cs, k) for cs in per_prompt]

    def _post(self, body: dict) -> dict:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(self.url, data=json.dumps(body).encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read())
        except (urllib.error.URLError, OSError) as exc:
            raise BackendUnavailable(
                f"completions server at {self.url} did not answer ({exc}); start it (e.g. `vllm serve MODEL`) "
                "or pass the right --policy URL"
            ) from exc


class VLLMPolicy:
    """Tactics from vLLM's offline engine (optional extra ``leangym[vllm]``; CUDA-only wheels).

    ``n = k`` samples per prompt with ``logprobs=0`` so each completion carries its
    ``cumulative_logprob``; prefix caching is switched on so the ``k`` samples of a state share the
    prompt's KV cache.
    """

    def __init__(
        self,
        model: str,
        *,
        prompt_format: str | PromptFormat = "bfs",
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_tokens: int = 64,
        seed: int | None = None,
        **engine_kwargs,
    ) -> None:
        try:
            from vllm import LLM
        except ImportError as exc:
            raise BackendUnavailable(
                "vLLM is not installed; `pip install leangym[vllm]` on a CUDA machine, or use HFPolicy"
            ) from exc
        engine_kwargs.setdefault("enable_prefix_caching", True)
        if seed is not None:
            engine_kwargs["seed"] = seed
        self.llm = LLM(model=model, **engine_kwargs)
        self.format = get_format(prompt_format)
        self.temperature = temperature
        self.top_p = top_p
        self.max_tokens = max_tokens

    def propose(self, observations: Sequence[str | Observation], k: int) -> list[list[Candidate]]:
        from vllm import SamplingParams

        params = SamplingParams(
            n=k,
            temperature=self.temperature,
            top_p=self.top_p,
            max_tokens=self.max_tokens,
            logprobs=0,
            stop=list(self.format.stop) or None,
        )
        outputs = self.llm.generate([self.format.render(o) for o in observations], params, use_tqdm=False)
        result = []
        for out in outputs:
            cands = []
            for c in out.outputs:
                if c.finish_reason == "length":
                    continue
                lp = c.cumulative_logprob
                if lp is None:
                    lp = sum(d[t].logprob for d, t in zip(c.logprobs or [], c.token_ids))
                cands.append(Candidate(self.format.parse(c.text), float(lp), max(1, len(c.token_ids))))
            result.append(finalize(cands, k))
        return result
