// geolicence-gis: the same CLI with the GIS wing (GDAL, poppler) in the process, for datasets of
// any format, exported PDFs and aggregation. `geolicence` hands such commands over to it.
#include "command_line.h"
#include "gis_wing.h"

int main(int argc, char** argv) {
    return geolicence::cli::runCommandLine(argc, argv, &geolicence::cli::linkedGisWing());
}
