import { createRoot } from 'react-dom/client'
import { App } from './app/providers.tsx'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')
createRoot(container).render(<App />)
