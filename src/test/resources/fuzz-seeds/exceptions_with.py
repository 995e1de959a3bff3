try:
    pass
except:
    pass

try:
    risky()
except ValueError:
    handle()
except (TypeError, KeyError) as exc:
    handle(exc)
except Exception as e:
    raise RuntimeError("wrapped") from e
else:
    success()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    group()
except* ValueError as eg:
    pass
except* (TypeError, OSError):
    pass
else:
    pass
finally:
    pass

try:
    new_style()
except ValueError, TypeError:
    pass

try:
    new_style()
except* KeyError, IndexError:
    pass

with open("f") as f:
    pass
with a as b, c as (d, e), f() as g.h:
    pass
with (
    open("a") as a,
    open("b") as b,
):
    pass
with (a, b):
    pass
with ((a, b)):
    pass
with (yield_ := 1):
    pass
with lock, other_lock:
    pass
