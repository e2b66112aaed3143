"""Print the path of the installed JupyterLab's core package.json.

The labextension builder reads it to match shared packages to the JupyterLab that will load the
extension, offline (without it the builder downloads a core-meta package that may not exist).
"""

import os

from jupyterlab.commands import get_app_dir

print(os.path.join(get_app_dir(), "static", "package.json"))
