# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the man page of one Cleave program from its real --help and --version (help2man), so
# the page cannot drift from the program. Run as
#   cmake -DPROGRAM=... -DVERSION=... -DNAME="one line" -DINCLUDE=page.h2m -DOUTPUT=page.1.gz \
#     -P manpage.cmake
# (the version is given: the second line of --version, the libraries, is no man page text).
# For a program with subcommands (cleave-cli), each subcommand's own --help, found by walking the
# "Subcommands:" lists, becomes a part of a COMMANDS section.
cmake_minimum_required(VERSION 3.25)
get_filename_component(program_name "${PROGRAM}" NAME)
get_filename_component(work "${OUTPUT}" DIRECTORY)
set(generated "${work}/${program_name}.commands.h2m")

function(help_of out)
    execute_process(COMMAND "${PROGRAM}" ${ARGN} --help OUTPUT_VARIABLE text
                    RESULT_VARIABLE rc ERROR_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} ${ARGN} --help failed (${rc})")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The names listed under "Subcommands:" in a CLI11 help text.
function(subcommands_of text out)
    set(names)
    string(REPLACE "\n" ";" lines "${text}")
    set(inside FALSE)
    foreach(line IN LISTS lines)
        if(line MATCHES "^Subcommands:")
            set(inside TRUE)
        elseif(inside AND line MATCHES "^  ([a-z][a-z0-9-]*)( |$)")
            list(APPEND names "${CMAKE_MATCH_1}")
        elseif(inside AND NOT line MATCHES "^ ")
            set(inside FALSE)
        endif()
    endforeach()
    set(${out} "${names}" PARENT_SCOPE)
endfunction()

# Each subcommand (and theirs, depth first) as an indented block of its --help text.
function(describe_commands prefix out)
    help_of(text ${prefix})
    subcommands_of("${text}" names)
    set(body)
    foreach(name IN LISTS names)
        help_of(sub ${prefix} ${name})
        # roff: a leading dot or quote starts a request, a backslash an escape.
        string(REPLACE "\\" "\\e" sub "${sub}")
        string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" sub "${sub}")
        string(REPLACE ";" "\\;" sub "${sub}")
        string(JOIN " " title ${prefix} ${name})
        string(APPEND body ".SS \"${program_name} ${title}\"\n.nf\n${sub}.fi\n")
        describe_commands("${prefix};${name}" deeper)
        string(APPEND body "${deeper}")
    endforeach()
    set(${out} "${body}" PARENT_SCOPE)
endfunction()

describe_commands("" commands)
set(includes "--include=${INCLUDE}")
if(commands)
    file(WRITE "${generated}" "[COMMANDS]\n${commands}")
    list(APPEND includes "--include=${generated}")
endif()

string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
execute_process(
    COMMAND help2man --no-info --section=1 "--name=${NAME}" "--version-string=${VERSION}"
        ${includes} "--output=${page}" "${PROGRAM}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM} (${rc})")
endif()
# Debian installs man pages compressed; -n leaves the time out, so rebuilds give the same bytes.
execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page}")
endif()
