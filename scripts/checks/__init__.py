"""Every problem of the content, found at once: `gate` reads and checks, and returns the
content with every problem sorted by place. The hook, the command line and the tests use it."""
