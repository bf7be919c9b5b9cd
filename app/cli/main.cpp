#include <cstdio>
int main() { std::puts("isolactl"); return 0; }
