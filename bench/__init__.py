"""The benchmark suite: django-base against baselines measured in the same run (docs/performance.md)."""
