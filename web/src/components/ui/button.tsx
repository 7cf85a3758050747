import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'tertiary' | 'danger'
type Size = 'md' | 'sm'

const variants: Record<Variant, string> = {
  primary:
    'no-underline border-2 border-key-900 bg-key-900 text-white hover:border-key-1000 hover:bg-key-1000 hover:underline',
  secondary: 'no-underline border-2 border-key-900 bg-white text-key-900 hover:bg-key-50 hover:underline',
  tertiary: 'border-2 border-transparent bg-transparent text-key-900 underline hover:bg-key-50',
  danger: 'no-underline border-2 border-error-2 bg-error-2 text-white hover:bg-red-1000 hover:underline',
}

const sizes: Record<Size, string> = {
  md: 'min-h-12 px-6 py-2 text-std-16B-170',
  sm: 'min-h-9 px-3 py-1 text-dns-16B-130',
}

export function buttonClass(variant: Variant = 'primary', size: Size = 'md') {
  return `inline-flex items-center justify-center gap-2 rounded-8 ${variants[variant]} ${sizes[size]} disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-300 disabled:text-solid-gray-700`
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  size?: Size
}

export function Button({
  variant = 'primary',
  size = 'md',
  type = 'button',
  className = '',
  ...rest
}: ButtonProps) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />
}
