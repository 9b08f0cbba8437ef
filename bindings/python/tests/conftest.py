# The tests import the package from this checkout (bindings/python/srok) without installing it;
# srok finds libSrokC.so through $SROK_LIBRARY or the checkout's .build folder.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
