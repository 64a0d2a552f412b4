/* llama-cpp-cffi 0.4.42's prebuilt _llama_cpp_cpu*.so was built with GCC 14 and references
 * __cxa_call_terminate (new in GCC 14's libstdc++); Debian 12's libstdc++ (GCC 12) lacks it, so the import
 * fails with "undefined symbol: __cxa_call_terminate". GCC 14 emits calls to it only on the path where an
 * exception leaves a noexcept function; it does what libstdc++'s does: begin the catch, then terminate.
 * run_llamacpp.py builds this with `cc -shared -fPIC` and loads it RTLD_GLOBAL before importing llama. */
extern void *__cxa_begin_catch(void *);
extern void _ZSt9terminatev(void) __attribute__((noreturn)); /* std::terminate() */

void __cxa_call_terminate(void *unwind_exception) {
    if (unwind_exception)
        __cxa_begin_catch(unwind_exception);
    _ZSt9terminatev();
}
