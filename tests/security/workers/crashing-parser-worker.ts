/** A parser thread that dies as it starts, every time: a crash loop. */
throw new Error('this parser thread always crashes');
