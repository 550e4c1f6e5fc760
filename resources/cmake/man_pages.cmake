# Writes the man pages from the program's own --help (help2man), one per command, gzipped as
# Debian wants them. Run at build time: cmake -D PROGRAM=... -D OUTPUT_DIR=... -D VERSION=...
#   -D HELP2MAN=... -D COMMANDS="licences;evaluate;..." -P man_pages.cmake
file(MAKE_DIRECTORY ${OUTPUT_DIR})
function(write_page page help_option name)
    execute_process(
        COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--name=${name}" "--help-option=${help_option}"
            "--version-string=${page} ${VERSION}" --output=${OUTPUT_DIR}/${page}.1 ${PROGRAM}
        RESULT_VARIABLE status ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "help2man failed for ${page}: ${errors}")
    endif()
    # -n: no name or time stamp in the archive, so the package is reproducible.
    execute_process(COMMAND gzip -9nf ${OUTPUT_DIR}/${page}.1 RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "gzip failed for ${page}.1")
    endif()
endfunction()

write_page(geolicence "--help" "know what the licences of your GIS layers allow")
foreach(command IN LISTS COMMANDS)
    write_page(geolicence-${command} "${command} --help" "geolicence ${command}")
endforeach()
# geolicence-gis is the same program with GDAL loaded; it shares the main page.
file(WRITE ${OUTPUT_DIR}/geolicence-gis.1 ".so man1/geolicence.1\n")
execute_process(COMMAND gzip -9nf ${OUTPUT_DIR}/geolicence-gis.1)
