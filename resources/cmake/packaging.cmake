# Debian packages with CPack: `geolicence` (both executables, the bundled profiles and schema,
# man pages, bash completion) and `qgis-plugin-geolicence` (the plugin in QGIS's plugin folder,
# its dependencies found by dpkg-shlibdeps, so the exact libqgis it was built against).
# ci/package.sh runs it; paths come from GNUInstallDirs, so nothing here is Linux-only but the
# DEB generator itself.
include(GNUInstallDirs)

set(GEOLICENCE_COMMANDS licences evaluate inspect check attribution bind aggregate)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/licences/
    DESTINATION ${CMAKE_INSTALL_DATADIR}/geolicence/licences
    COMPONENT cli
    FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/resources/packaging/copyright
    DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/geolicence.bash-completion
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME geolicence COMPONENT cli)

# Debian's changelog, compressed without a time stamp (reproducible), in each package's docs.
set(changelog ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${changelog}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
    COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/resources/packaging/changelog > ${changelog}
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/packaging/changelog
    VERBATIM)
add_custom_target(geolicence_changelog ALL DEPENDS ${changelog})
install(FILES ${changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT cli)
install(FILES ${changelog} ${PROJECT_SOURCE_DIR}/resources/packaging/copyright
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/qgis-plugin-geolicence COMPONENT plugin)

find_program(HELP2MAN help2man)
if(HELP2MAN)
    set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
    set(man_pages ${man_dir}/geolicence.1.gz ${man_dir}/geolicence-gis.1.gz)
    foreach(command IN LISTS GEOLICENCE_COMMANDS)
        list(APPEND man_pages ${man_dir}/geolicence-${command}.1.gz)
    endforeach()
    add_custom_command(OUTPUT ${man_pages}
        COMMAND ${CMAKE_COMMAND} -D PROGRAM=$<TARGET_FILE:geolicence> -D OUTPUT_DIR=${man_dir}
            -D VERSION=${PROJECT_VERSION} -D HELP2MAN=${HELP2MAN}
            "-D COMMANDS=${GEOLICENCE_COMMANDS}"
            -P ${PROJECT_SOURCE_DIR}/resources/cmake/man_pages.cmake
        DEPENDS geolicence ${PROJECT_SOURCE_DIR}/resources/cmake/man_pages.cmake
        COMMENT "Man pages from --help"
        VERBATIM)
    add_custom_target(geolicence_man_pages ALL DEPENDS ${man_pages})
    install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
else()
    message(STATUS "help2man not found: no man pages (ci/install-deps.sh installs it)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME geolicence)
set(CPACK_PACKAGE_VENDOR "geolicence developers")
set(CPACK_PACKAGE_CONTACT "geolicence developers <maintainers@geolicence.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Empty, so CPack does not put the project's summary in front of each package's own synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli plugin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://geolicence.example/")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME geolicence)
set(CPACK_DEBIAN_CLI_FILE_NAME geolicence_${PROJECT_VERSION}_amd64.deb)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION science)
# First line: the synopsis; then the extended description (CPack indents it).
set(CPACK_DEBIAN_CLI_DESCRIPTION "licence checks and licence-safe grid aggregation for GIS data
geolicence knows the rules of the licences GIS data comes with (NDFF, the
Flemish GRB, Logius, Flemish open-data model licences, GDI-Vlaanderen, CC0,
CC BY, ODbL): it checks QGIS projects, datasets and exported maps against
them before publication (reports for CI: text, JSON, SARIF, JUnit), prints
the attributions a map owes, and aggregates exact observations to
publishable grid cells.")

set(CPACK_DEBIAN_PLUGIN_PACKAGE_NAME qgis-plugin-geolicence)
set(CPACK_DEBIAN_PLUGIN_FILE_NAME qgis-plugin-geolicence_${PROJECT_VERSION}_amd64.deb)
set(CPACK_DEBIAN_PLUGIN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PLUGIN_DESCRIPTION "QGIS plugin: the licences of your layers, checked before they leave
The geolicence plugin shows every layer's licence in QGIS, warns before an
export the licence does not allow, blocks layout exports that would break a
licence, writes the mandatory attributions onto print layouts and offers
aggregation to a 1 km grid. It makes the same decisions as the geolicence
command line.")

include(CPack)
