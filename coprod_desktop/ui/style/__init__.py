"""Look and text: theme colours and fonts, text fitting, plain (never rich) text."""
