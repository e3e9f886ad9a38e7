"""gunicorn's access log, as configured by gunicorn.conf.py, holds no query strings."""

import http.client

from bench.serve import Gunicorn, bench_environment


def test_gunicorn_logs_paths_without_their_query_strings(tmp_path):
    log = tmp_path / "access.log"
    env = bench_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUNICORN_CMD_ARGS=f"--access-logfile {log}",
    )
    with Gunicorn(env, workers=1) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request(
            "GET",
            "/admin/appointments/appointmentrequest/?q=Quintessa+Marklebury",
            headers={"Referer": f"{server.url}/admin/?q=Marklebury"},
        )
        assert connection.getresponse().status == 302
        connection.close()
    line = log.read_text()
    assert '"GET /admin/appointments/appointmentrequest/ HTTP/1.1" 302' in line
    assert "Marklebury" not in line
