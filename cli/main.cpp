// geolicence: licence checks for QGIS projects and layers, headless. Starts without GDAL or
// poppler (about a hundred libraries, ~60 ms), so checking projects in CI stays quick; a command
// that needs them is handed over to geolicence-gis (command_line.h).
#include "command_line.h"

int main(int argc, char** argv) {
    return geolicence::cli::runCommandLine(argc, argv, nullptr);
}
