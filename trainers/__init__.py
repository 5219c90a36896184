"""TRL entry points that train leangym's policy and critic from a proof store.

Each module is runnable alone (``python -m trainers.NAME --help``) and exposes one function for Python
callers (the agents):

- :mod:`trainers.sft` — ``train_sft(model, tokenizer, examples, config)``: SFTTrainer on (state, tactic)
  steps of verified proofs, in the policy's prompt format, loss on the tactic only.
- :mod:`trainers.critic` — ``train_critic(model, tokenizer, pairs, config)``: RewardTrainer on
  (chosen ≻ rejected) state pairs, a ``num_labels=1`` model.
- :mod:`trainers.grpo` — ``train_grpo(model, tokenizer, problems, backend, config)``: GRPOTrainer with
  rewards from Lean, whole-proof completions or tactic episodes in a vector env scored step by step.
"""
