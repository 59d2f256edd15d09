"""Knowledge of the Danish language and of Danish public administration."""
