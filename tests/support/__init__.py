"""What the tests share that is not part of the handbook: a throwaway PostgreSQL and the SQL example runner."""
