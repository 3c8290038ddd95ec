/** Entry of the agent desk page (`/agent/`). */
import { createRoot } from 'react-dom/client';
import { DeskApp } from './desk-app';
import './desk.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<DeskApp />);
