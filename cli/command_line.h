#pragma once

namespace geolicence::cli {

class GisWing;

// The whole CLI: parses the command line, decides whether the command needs the GIS wing and,
// when this process has none (`gis` null: `geolicence`), hands the command line over to
// `geolicence-gis` before anything else is done; otherwise runs the command. Returns the exit
// code (exit_codes.h).
int runCommandLine(int argc, char** argv, const GisWing* gis);

} // namespace geolicence::cli
