/** Top-level modules of the Python 3 standard library (sys.stdlib_module_names, public ones). */
export const PYTHON_STDLIB = new Set(
  (
    'abc argparse array ast asyncio atexit base64 binascii bisect builtins bz2 calendar cmath cmd code codecs collections ' +
    'colorsys concurrent configparser contextlib contextvars copy copyreg cProfile csv ctypes curses dataclasses datetime ' +
    'dbm decimal difflib dis doctest email encodings enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ' +
    'ftplib functools gc getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib importlib ' +
    'inspect io ipaddress itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap ' +
    'multiprocessing netrc numbers operator optparse os pathlib pdb pickle pkgutil platform plistlib poplib posix ' +
    'pprint profile pstats pty pwd py_compile queue quopri random re readline reprlib resource rlcompleter runpy sched ' +
    'secrets select selectors shelve shlex shutil signal site smtplib socket socketserver sqlite3 ssl stat statistics ' +
    'string stringprep struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios textwrap ' +
    'threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle types typing ' +
    'unicodedata unittest urllib uuid venv warnings wave weakref webbrowser winreg wsgiref xml xmlrpc zipapp zipfile ' +
    'zipimport zlib zoneinfo __future__'
  ).split(' '),
);

/** Distributions whose import name differs from the distribution name (normalised dist → import). */
export const PYTHON_IMPORT_NAMES: Record<string, string> = {
  pyyaml: 'yaml',
  beautifulsoup4: 'bs4',
  pillow: 'PIL',
  scikit_learn: 'sklearn',
  python_dateutil: 'dateutil',
  opencv_python: 'cv2',
  psycopg2_binary: 'psycopg2',
  psycopg_binary: 'psycopg',
  attrs: 'attr',
  protobuf: 'google',
  python_dotenv: 'dotenv',
  pyjwt: 'jwt',
  python_multipart: 'multipart',
  typing_extensions: 'typing_extensions',
};
