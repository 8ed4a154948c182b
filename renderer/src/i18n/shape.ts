/** The same keys as a message catalogue with every leaf a string: what a translation must fill in. */
export type MessageShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> }
