"""The embedded SQLite database's settings, set on every new connection: WAL (readers do not
wait for the writer), synchronous=NORMAL (durable after a crash of the process; a power cut can
lose the last commits), and a busy timeout instead of an immediate "database is locked"."""


def sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
