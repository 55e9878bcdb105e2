"""What every built page must satisfy: no script in content, and a strict Content-Security-Policy."""
