"""Batched vs one-at-a-time tactic generation, candidates/s, and search nodes/s with a GPU policy.

Three measurements, side by side in one run, on a randomly initialised model (GPT-2-small shape,
~90M parameters with a locally trained tokenizer; ``--size tiny`` for CPU smoke runs):

1. ``generate`` throughput: ``--prompts`` prompts of ``--prompt-tokens`` tokens, ``--new-tokens``
   forced new tokens each, all in one call vs one prompt per call (tokens/s and the ratio; DESIGN §5
   quotes ≈47× on an H100 for 64 prompts).
2. :class:`~leangym.policy.HFPolicy` candidates/s: ``k`` samples for each of ``--prompts`` proof states
   in one ``propose`` call vs one state per call (includes prompt rendering, exact log-prob rescoring
   and dedup).
3. Search: best-first search over MiniLean problems with the GPU policy and a pool of
   ``--workers`` MiniLean processes, all problems at once (one policy batch per round) vs one problem
   at a time. A random model writes no valid Lean, so the policy runs the real GPU generation and then
   substitutes tactic strings from a fixed list (reference step first, then automation tactics) keeping
   the model's log-probs: the GPU and the Lean pool both do their real amount of work.

Usage (GPU): ``python benchmarks/gpu_generation.py --out results.json``; CPU smoke:
``python benchmarks/gpu_generation.py --size tiny --prompts 4 --prompt-tokens 32 --new-tokens 8
--search-problems 4 --workers 2``.
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import torch

from leangym import models
from leangym.config import describe, option, parse
from leangym.policy import AUTOMATION_TACTICS, Candidate, HFPolicy, Observation


@dataclass
class Args:
    size: Literal["100m", "tiny"] = option("100m", "model shape")
    arch: Literal["gpt2", "llama"] = option("gpt2", "model family")
    prompts: int = option(64, "prompts (states) in the batched call")
    prompt_tokens: int = option(256, "tokens per prompt in part 1")
    new_tokens: int = option(32, "new tokens per completion")
    samples: int = option(8, "k: samples per state in parts 2 and 3")
    repeats: int = option(3, "timed repeats (the median is reported)")
    search_problems: int = option(64, "MiniLean problems searched in part 3")
    search_expansions: int = option(8, "expansions per problem in part 3")
    workers: int = option(8, "MiniLean worker processes in part 3")
    family: str = option("propositional", "MiniLean problem family for part 3")
    parts: str = option("generate,policy,search", "comma-separated parts to run")
    out: str | None = option(None, "write the figures as JSON here")


def parse_args(argv: Sequence[str] | None = None) -> Args:
    return parse(Args, argv, description=describe(__doc__))


def sync() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def timed(fn, repeats: int) -> float:
    """Median wall time of ``fn()`` over ``repeats`` runs, after one warm-up run."""
    fn()
    times = []
    for _ in range(repeats):
        sync()
        t = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def corpus(family: str, n: int) -> list:
    from leangym.minilean.suites import generate

    return generate(family, n, seed=0, difficulty=1)


def bench_generate(model, tok, a: Args) -> dict:
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(10, len(tok), (a.prompts, a.prompt_tokens), generator=g).to(model.device)
    mask = torch.ones_like(ids)
    kw = dict(
        max_new_tokens=a.new_tokens,
        min_new_tokens=a.new_tokens,
        do_sample=True,
        top_k=0,
        pad_token_id=tok.pad_token_id,
    )

    def batched():
        with torch.inference_mode():
            model.generate(input_ids=ids, attention_mask=mask, **kw)

    def one_by_one():
        with torch.inference_mode():
            for i in range(a.prompts):
                model.generate(input_ids=ids[i : i + 1], attention_mask=mask[i : i + 1], **kw)

    tokens = a.prompts * a.new_tokens
    tb, t1 = timed(batched, a.repeats), timed(one_by_one, max(1, a.repeats // 2))
    return {
        "batched_tokens_per_s": tokens / tb,
        "one_by_one_tokens_per_s": tokens / t1,
        "ratio": t1 / tb,
        "batched_s": tb,
        "one_by_one_s": t1,
    }


def bench_policy(policy: HFPolicy, states: list[Observation], a: Args) -> dict:
    counts = {}

    def batched():
        counts["b"] = sum(len(c) for c in policy.propose(states, a.samples))

    def one_by_one():
        counts["o"] = sum(len(policy.propose([s], a.samples)[0]) for s in states)

    tb, t1 = timed(batched, a.repeats), timed(one_by_one, max(1, a.repeats // 2))
    return {
        "states": len(states),
        "k": a.samples,
        "batched_candidates_per_s": counts["b"] / tb,
        "one_by_one_candidates_per_s": counts["o"] / t1,
        "ratio": (counts["b"] / tb) / (counts["o"] / t1),
        "batched_states_per_s": len(states) / tb,
    }


class SubstitutedPolicy:
    """Runs the real model for every call, then swaps in tactic strings MiniLean can act on."""

    def __init__(self, policy: HFPolicy, references: dict[str, Sequence[str]]) -> None:
        self.policy = policy
        self.references = references

    def propose(self, observations: Sequence[Observation], k: int) -> list[list[Candidate]]:
        generated = self.policy.propose(observations, k)
        out = []
        for obs, cands in zip(observations, generated):
            ref = self.references.get(obs.name, ())
            d = len(obs.proof_before)
            tactics = ([ref[d]] if d < len(ref) else []) + [
                t for t in AUTOMATION_TACTICS if t not in ref[d : d + 1]
            ]
            lps = sorted((c.logprob for c in cands), reverse=True) or [0.0]
            out.append([Candidate(t, lps[min(i, len(lps) - 1)] - i, 1) for i, t in enumerate(tactics[:k])])
        return out


def bench_search(policy: HFPolicy, a: Args) -> dict:
    from leangym.backend import make_backend
    from leangym.search import SearchConfig, best_first_search
    from leangym.store import theorem_name

    problems = corpus(a.family, a.search_problems)
    refs = {theorem_name(p.statement): p.reference_proof or () for p in problems}
    sub = SubstitutedPolicy(policy, refs)
    cfg = SearchConfig(
        expansions=a.search_expansions, samples=a.samples, wall_time=600, lean_threads=max(8, a.workers)
    )
    backend = make_backend("minilean", workers=a.workers)
    try:
        best_first_search(problems[:2], sub, backend, cfg)  # warm-up: processes started, CUDA kernels loaded
        sync()
        together = best_first_search(problems, sub, backend, cfg)
        n_alone = max(1, len(problems) // 4)
        alone_runs = [best_first_search([p], sub, backend, cfg) for p in problems[:n_alone]]
    finally:
        backend.close()
    alone_nodes = sum(r.nodes for r in alone_runs)
    alone_wall = sum(r.wall_s for r in alone_runs)
    s = together.summary()
    return {
        "problems": len(problems),
        "workers": a.workers,
        "budget": cfg.budget(),
        "proved": s["proved"],
        "nodes": s["nodes"],
        "tactics_run": s["tactics_run"],
        "wall_s": s["wall_s"],
        "nodes_per_s": s["nodes_per_s"],
        "tactics_per_s": s["tactics_run"] / s["wall_s"],
        "policy_s": s["policy_s"],
        "lean_s": s["lean_s"],
        "verify_s": s["verify_s"],
        "policy_calls": s["policy_calls"],
        "one_at_a_time_problems": n_alone,
        "one_at_a_time_nodes_per_s": alone_nodes / alone_wall,
        "ratio": s["nodes_per_s"] / (alone_nodes / alone_wall),
    }


def main(argv: Sequence[str] | None = None) -> dict:
    a = parse_args(argv)
    torch.manual_seed(0)
    device = models.default_device()
    problems = corpus(a.family, max(a.prompts, a.search_problems, 32))
    texts = [p.statement for p in problems] + [t for p in problems for t in (p.reference_proof or ())]
    tok = models.train_tokenizer(texts, vocab_size=4096)
    model = models.benchmark_causal_lm(tok, arch=a.arch, size=a.size).to(
        device=device, dtype=models.default_dtype(device)
    )
    model.eval()
    info = {
        "device": torch.cuda.get_device_name(0) if device == "cuda" else platform.processor() or "cpu",
        "dtype": str(models.default_dtype(device)),
        "params": models.count_parameters(model),
        "arch": a.arch,
        "torch": torch.__version__,
        "args": vars(a),
    }
    print(json.dumps(info), flush=True)
    parts = set(a.parts.split(","))
    res: dict = {"info": info}
    if "generate" in parts:
        res["generate"] = bench_generate(model, tok, a)
        print("generate", json.dumps(res["generate"]), flush=True)
    policy = HFPolicy(
        model,
        tok,
        mode="sample",
        max_new_tokens=a.new_tokens,
        keep_truncated=True,
        max_batch_prompts=max(64, a.prompts),
    )
    states = [Observation(p.statement.split(" : ", 1)[-1], "t", ()) for p in problems[: a.prompts]]
    if "policy" in parts:
        res["policy"] = bench_policy(policy, states, a)
        print("policy", json.dumps(res["policy"]), flush=True)
    if "search" in parts:
        res["search"] = bench_search(policy, a)
        print("search", json.dumps(res["search"]), flush=True)
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=2)
    return res


if __name__ == "__main__":
    main()
