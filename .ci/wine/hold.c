/* Holds a file open the way WPS, Acrobat or Foxit hold a PDF they show: others may read it, but
 * nobody may replace or delete it until this program ends. For the Wine check of the app's
 * "文件正在被其他程序打开" message.
 *   hold.exe FILE SECONDS */
#include <windows.h>
#include <stdlib.h>

int wmain(int argc, wchar_t **argv) {
    if (argc < 3) {
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return 1;
    }
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(file);
    return 0;
}
