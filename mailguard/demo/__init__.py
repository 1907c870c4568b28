"""Demo mode: a simulated provider, so mailguard can be tried without a real account."""
