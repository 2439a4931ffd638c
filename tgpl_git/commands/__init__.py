"""What each CLI command does, between parsing its arguments and printing its result."""
